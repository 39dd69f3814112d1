import { beforeAll, describe, expect, it } from "vitest";
import { createEngine, type Engine } from "../../src/engine.js";
import { AppError } from "../../src/errors.js";
import { DEFAULT_PROFILE, resolveProfile } from "../../src/rank/profile.js";

describe("resolveProfile: the defaults with overrides at any depth", () => {
  it("is the default profile when nothing is overridden", () => {
    expect(resolveProfile()).toEqual(DEFAULT_PROFILE);
    expect(resolveProfile({})).toEqual(DEFAULT_PROFILE);
  });

  it.each([
    [{ answer: { minCoverage: 0.8 } }, (p: typeof DEFAULT_PROFILE) => p.answer.minCoverage, 0.8],
    [
      { figure: { kindFit: { unit: { same: 2 } } } },
      (p: typeof DEFAULT_PROFILE) => p.figure.kindFit.unit.same,
      2,
    ],
    [{ retrieval: { candidates: 50 } }, (p: typeof DEFAULT_PROFILE) => p.retrieval.candidates, 50],
  ])("%j", (overrides, read, value) => {
    const p = resolveProfile(overrides);
    expect(read(p)).toBe(value);
    // Everything else keeps its default.
    expect(p.score).toEqual(DEFAULT_PROFILE.score);
    expect(p.figure.kindFit.unit.none).toBe(DEFAULT_PROFILE.figure.kindFit.unit.none);
  });

  it.each([
    [{ answer: { minCoverag: 0.8 } }, "profile.answer.minCoverag is not a ranking weight"],
    [{ score: { coverage: "3" } }, "profile.score.coverage must be a number"],
    [{ score: { coverage: Number.NaN } }, "profile.score.coverage must be a number"],
    [{ score: 3 }, "profile.score must be an object"],
  ])("refuses %j", (overrides, message) => {
    expect(() => resolveProfile(overrides as never)).toThrow(AppError);
    expect(() => resolveProfile(overrides as never)).toThrow(message);
  });

  it("does not change the defaults it starts from", () => {
    resolveProfile({ answer: { minCoverage: 0.99 } });
    expect(DEFAULT_PROFILE.answer.minCoverage).toBe(0.55);
  });
});

describe("the engine ranks with the profile it is given", () => {
  let plain: Engine;
  let strict: Engine;
  let coverageOnly: Engine;
  beforeAll(async () => {
    plain = await createEngine({ corpusDir: "seeds" });
    strict = await createEngine({ corpusDir: "seeds", profile: { answer: { minCoverage: 1.01 } } });
    coverageOnly = await createEngine({
      corpusDir: "seeds",
      profile: {
        score: { figureKind: 0, figureCloseness: 0, bm25: 0, headline: 0, noFigure: 0, sharedFigure: 0 },
      },
    });
  });

  it("an answer bar no sentence can reach gives no answer", async () => {
    expect((await plain.ask("新增学位多少")).kind).toBe("answer");
    expect((await strict.ask("新增学位多少")).kind).toBe("no-answer");
  });

  it("weights change the score: with figure and search weights at zero the score is the coverage and scope", async () => {
    const reply = await coverageOnly.ask("新增学位多少", { explain: true });
    const top = reply.explain?.candidates[0];
    expect(top?.features).toMatchObject({ figureKind: 0, figureCloseness: 0, bm25: 0 });
    expect(top?.score).toBeCloseTo(
      (top?.features?.coverage ?? 0) +
        (top?.features?.place ?? 0) +
        (top?.features?.year ?? 0) +
        (top?.features?.period ?? 0),
      3,
    );
  });
});
