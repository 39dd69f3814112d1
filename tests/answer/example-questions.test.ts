import { beforeAll, describe, expect, it } from "vitest";
import { embeddedContext } from "../../src/answer/embedded-context.js";
import { exampleQuestions } from "../../src/answer/example-questions.js";
import { createEngine, type Engine } from "../../src/engine.js";
import type { SearchContext } from "../../src/rank/search-context.js";
import { embeddedIndex } from "../engine/embedded-index.js";

// How the examples are kept: chosen once per state of the index, and never left empty by a failed choice.
let engine: Engine;
let ctx: SearchContext;
beforeAll(async () => {
  engine = await createEngine({ corpusDir: "seeds" });
  ctx = embeddedContext(embeddedIndex(engine), engine);
});

describe("exampleQuestions", () => {
  it("chooses again after a choice that failed, instead of offering no examples from then on", async () => {
    const fail = () => {
      throw new Error("answering failed");
    };
    expect(() => exampleQuestions(ctx, fail)).toThrow("answering failed");
    expect(ctx.examples()).toHaveLength(3);
    expect(await engine.examples()).toEqual(ctx.examples());
  });
});
