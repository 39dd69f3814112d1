import { beforeAll, describe, expect, it } from "vitest";
import { corpusExamples } from "../../src/answer/answer-question.js";
import { exampleQuestions } from "../../src/answer/example-questions.js";
import { createEngine, type Engine } from "../../src/engine.js";
import type { SearchContext } from "../../src/rank/search-context.js";

// How the examples are kept: chosen once per state of the index, and never left empty by a failed choice.
let engine: Engine;
let ctx: SearchContext;
beforeAll(async () => {
  engine = await createEngine({ corpusDir: "seeds" });
  ctx = { ix: engine.index, synonyms: engine.synonyms, profile: engine.profile, clock: engine.clock };
});

describe("exampleQuestions", () => {
  it("chooses again after a choice that failed, instead of offering no examples from then on", () => {
    const fail = () => {
      throw new Error("answering failed");
    };
    expect(() => exampleQuestions(ctx, fail)).toThrow("answering failed");
    expect(corpusExamples(ctx)).toHaveLength(3);
    expect(engine.examples()).toEqual(corpusExamples(ctx));
  });
});
