import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { createEngine, type Engine } from "../../src/engine.js";

/** A case in the format of ../shared/eval/dev.jsonl. */
interface GoldenCase {
  id: string;
  type: "ask" | "check";
  q: string;
  docs?: string[];
  any?: string[];
  verdict?: string;
  noAnswer?: boolean;
}

const load = (file: string): GoldenCase[] =>
  readFileSync(new URL(file, import.meta.url), "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as GoldenCase);

const norm = (s: string) => s.normalize("NFKC").replace(/\s+/g, "");

let engine: Engine;
beforeAll(async () => {
  engine = await createEngine({ corpusDir: "seeds" });
});

async function answerHits(c: GoldenCase): Promise<boolean> {
  const reply = await engine.ask(c.q);
  if (c.noAnswer) return reply.kind === "no-answer";
  if (reply.kind !== "answer") return false;
  const top = reply.answers[0];
  return (
    !!top &&
    (c.any ?? []).some((a) => norm(top.quote.text).includes(norm(a))) &&
    (!c.docs || c.docs.includes(top.sources[0]?.doc ?? ""))
  );
}

async function checkHits(c: GoldenCase): Promise<boolean> {
  const reply = await engine.check(c.q);
  if (reply.verdict !== c.verdict) return false;
  if (c.verdict === "not_found") return true;
  const first = reply.items[0]?.evidence[0];
  return (
    !!first &&
    (!c.docs || c.docs.includes(first.source.doc)) &&
    (c.any ?? []).every((a) => norm(first.quote.text).includes(norm(a)))
  );
}

describe("golden questions over seeds/ (top answer right)", () => {
  const cases = load("./ask.jsonl");
  it.each(cases.map((c) => [c.id, c] as const))("%s", async (_id, c) => {
    expect(await answerHits(c), c.q).toBe(true);
  });
});

describe("golden claims over seeds/ (verdict and first evidence right)", () => {
  it.each(load("./check.jsonl").map((c) => [c.id, c] as const))("%s", async (_id, c) => {
    expect(await checkHits(c), c.q).toBe(true);
  });
});
