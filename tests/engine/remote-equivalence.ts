import { existsSync, readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { keyFigures } from "../../src/digest/key-figures.js";
import { topicMatches } from "../../src/digest/topic-matches.js";
import { createEngine, type Engine } from "../../src/engine.js";
import type { PassageIndex } from "../../src/index/passage-index.js";
import type { Gazetteer } from "../../src/lexicon/places.js";

/** A passage index for one suite, empty, for place names `gazetteer`; `close` ends what it opened. */
export type PassageIndexFactory = (
  gazetteer: Gazetteer,
) => Promise<{ index: PassageIndex; close?: () => Promise<void> }>;

/** One corpus and the questions and claims asked of it. */
export interface EquivalenceCorpus {
  corpusDir: string;
  /** Case files (the format of tests/golden/*.jsonl: `type` ask or check, `q`); missing files are skipped. */
  caseFiles: string[];
  /** Digest topics whose matches are compared too. */
  topics: string[];
}

/** The seeds with the golden sets and the dev set (../shared/eval/dev.jsonl, when it is there). */
export const SEEDS_CORPUS: EquivalenceCorpus = {
  corpusDir: "seeds",
  caseFiles: ["tests/golden/ask.jsonl", "tests/golden/check.jsonl", "../shared/eval/dev.jsonl"],
  topics: ["学位", "教师", "义务教育"],
};

/** The twelve 2026 government work reports with the reports dev set (when it is there). */
export const REPORTS_CORPUS: EquivalenceCorpus = {
  corpusDir: "tests/fixtures/gov-reports-2026",
  caseFiles: ["../shared/eval/reports-dev.jsonl"],
  topics: ["地区生产总值", "城镇新增就业"],
};

interface Case {
  type: "ask" | "check";
  q: string;
}

const CLOCK = () => new Date("2026-03-01T12:00:00+08:00");

function loadCases(files: string[]): Case[] {
  return files
    .filter((f) => existsSync(f))
    .flatMap((f) => readFileSync(f, "utf8").split("\n"))
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Case);
}

/**
 * The remote path (fetch and replay through a PassageIndex) gives exactly the replies of the embedded engine
 * (MiniSearch in process) over the same corpus: every question and claim of the case files with its
 * explanation (candidates, scores, verdict basis), the example questions, and each document's digest figures and
 * topic matches. `suite` is `describe`, or `describePg` for a backend that needs a server.
 */
export function remoteEquivalenceSuite(
  name: string,
  factory: PassageIndexFactory,
  corpus: EquivalenceCorpus = SEEDS_CORPUS,
  suite: (name: string, body: () => void) => void = describe,
): void {
  suite(name, () => {
    let embedded: Engine;
    let remote: Engine;
    let close: (() => Promise<void>) | undefined;
    beforeAll(async () => {
      embedded = await createEngine({ corpusDir: corpus.corpusDir, clock: CLOCK });
      const made = await factory(embedded.documents.gazetteer);
      close = made.close;
      remote = await createEngine({ corpusDir: corpus.corpusDir, clock: CLOCK, passageIndex: made.index });
      await remote.sync();
    });
    afterAll(async () => close?.());

    it("holds the same documents", () => {
      expect(remote.sources()).toEqual(embedded.sources());
      expect(remote.index).toBeNull();
    });

    const cases = loadCases(corpus.caseFiles);
    it.each(cases.map((c) => [c.type, c.q] as const))("%s %s: the same reply", async (type, q) => {
      if (type === "check")
        expect(await remote.check(q, { explain: true })).toEqual(await embedded.check(q, { explain: true }));
      else expect(await remote.ask(q, { explain: true })).toEqual(await embedded.ask(q, { explain: true }));
    });

    it("offers the same example questions", async () => {
      expect(await remote.examples()).toEqual(await embedded.examples());
    });

    it("gives each document the same digest figures and the same topic matches", async () => {
      const docs = new Set(embedded.sources().map((d) => d.doc));
      const digest = (e: Engine) =>
        e.read((ctx) => ({
          figures: [...docs].map((d) => keyFigures(ctx, d)),
          topics: topicMatches(ctx, docs, corpus.topics),
        }));
      expect(await digest(remote)).toEqual(await digest(embedded));
    });
  });
}
