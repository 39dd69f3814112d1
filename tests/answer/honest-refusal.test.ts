import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AskReply } from "../../src/answer/reply.js";
import { createEngine, type Engine } from "../../src/engine.js";

// Off-topic messages get example questions the corpus itself answers; a stock asked where the corpus states
// only an increase is told so. Over the seeds and over the twelve 2026 provincial reports (fixture copy).
const CLOCK = () => new Date("2026-03-01T12:00:00+08:00");
const REPORTS = "tests/fixtures/gov-reports-2026";

let seeds: Engine;
let reports: Engine;
beforeAll(async () => {
  [seeds, reports] = await Promise.all([
    createEngine({ corpusDir: "seeds", clock: CLOCK }),
    createEngine({ corpusDir: REPORTS, clock: CLOCK }),
  ]);
});

function answered(reply: AskReply) {
  if (reply.kind !== "answer") throw new Error(`no answer: ${JSON.stringify(reply)}`);
  return reply;
}

/** Questions already found answered, per engine: each is asked once however many messages offer it. */
const verified = new WeakMap<Engine, Set<string>>();

/**
 * Asserts that `questions` are three different questions the engine answers, each with a figure (written in
 * digits, in the sentence quoted) and no note: what an example offered to a user must be.
 */
async function expectAnsweredExamples(engine: Engine, questions: readonly string[]): Promise<void> {
  expect(questions).toHaveLength(3);
  expect(new Set(questions).size).toBe(3);
  const done = verified.get(engine) ?? new Set<string>();
  verified.set(engine, done);
  for (const question of questions.filter((q) => !done.has(q))) {
    const reply = await engine.ask(question);
    expect(reply.kind, question).toBe("answer");
    const top = reply.kind === "answer" ? reply.answers[0] : undefined;
    expect(reply.kind === "answer" && reply.note, question).toBeFalsy();
    expect(top?.figure?.text, question).toMatch(/\d/);
    expect(top?.quote.text, question).toContain(top?.figure?.text);
    done.add(question);
  }
}

const OFF_TOPIC: Array<[string, string]> = [
  ["今天天气如何", "chat"],
  ["你好", "chat"],
  ["谢谢", "chat"],
  ["你是谁", "chat"],
  ["what is the weather", "not-chinese"],
  ["asdfgh", "not-chinese"],
  ["😀😀", "no-indicator"],
  ["？？", "no-indicator"],
];

describe("off-topic messages", () => {
  it.each(OFF_TOPIC)("%s: no answer (%s), with the corpus's example questions", async (message, code) => {
    for (const engine of [seeds, reports]) {
      const reply = await engine.ask(message);
      if (reply.kind !== "no-answer") throw new Error(`answered: ${JSON.stringify(reply.answers[0]?.quote)}`);
      expect("cause" in reply.reason ? reply.reason.cause : reply.reason.code).toBe(code);
      await expectAnsweredExamples(engine, reply.examples);
      // The same three that /start offers.
      expect(reply.examples).toEqual(await engine.examples());
    }
  });

  it.each(["火星基地多少", "北京新增学位多少", "how many new school places", "新增学位"])(
    "%s: every no-answer offers the three examples, each answered",
    async (message) => {
      for (const engine of [seeds, reports]) {
        const reply = await engine.ask(message);
        if (reply.kind === "answer") continue; // 新增学位 is answered over the seeds
        await expectAnsweredExamples(engine, reply.examples);
        expect(reply.examples).toEqual(await engine.examples());
      }
    },
  );

  it("names the words a corpus never uses", async () => {
    const reply = await seeds.ask("火星车什么时候登陆");
    expect(reply.kind === "no-answer" && reply.reason).toEqual({
      code: "off-topic",
      cause: "unknown-words",
      words: ["火星车", "登陆"],
    });
  });

  it("still answers an indicator written in letters, and a question after a greeting", async () => {
    expect(answered(await reports.ask("GDP")).answers[0]?.figure).not.toBeNull();
    expect(answered(await seeds.ask("你好，新增学位多少")).answers[0]?.figure?.text).toBe("27.8万个");
  });

  it("never refuses a golden question over the seeds as off-topic", async () => {
    const cases = readFileSync("tests/golden/ask.jsonl", "utf8")
      .split("\n")
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as { q: string; noAnswer?: boolean });
    const refused: typeof cases = [];
    for (const c of cases) {
      const reply = await seeds.ask(c.q);
      if (!c.noAnswer && reply.kind === "no-answer" && reply.reason.code === "off-topic") refused.push(c);
    }
    expect(refused.map((c) => c.q)).toEqual([]);
  });
});

describe("example questions", () => {
  it.each([
    ["seeds", () => seeds],
    ["reports", () => reports],
  ])("%s: three, each answered with a figure", async (_name, engine) => {
    await expectAnsweredExamples(engine(), await engine().examples());
  });

  it("come from the corpus: other corpora, other questions, each report's own place", async () => {
    expect(await seeds.examples()).toContain("重庆新增学位多少");
    const homes = new Set(reports.sources().map((d) => d.place));
    const named = (await reports.examples()).map((q) => [...homes].find((h) => h && q.startsWith(h)));
    expect(named.every(Boolean)).toBe(true);
    expect(new Set(named).size).toBe(3);
    const seedExamples = await seeds.examples();
    expect((await reports.examples()).filter((q) => seedExamples.includes(q))).toEqual([]);
  });

  it.each([
    ["seeds", "seeds", () => seeds],
    ["reports", REPORTS, () => reports],
  ])("%s: are the same three on every start", async (_name, corpusDir, engine) => {
    const again = await createEngine({ corpusDir, clock: CLOCK });
    expect(await again.examples()).toHaveLength(3);
    expect(await again.examples()).toEqual(await engine().examples());
  });

  describe("when the corpus changes", () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), "examples-"));
      cpSync("seeds", dir, { recursive: true });
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it("are chosen again as documents leave and come back, each answered from the documents there", async () => {
      const engine = await createEngine({ corpusDir: dir, clock: CLOCK });
      const before = await engine.examples();
      const [first = ""] = before;
      const doc = answered(await engine.ask(first)).answers[0]?.sources[0]?.doc ?? "";
      const text = readFileSync(join(dir, doc));
      unlinkSync(join(dir, doc));
      await engine.sync();
      await expectAnsweredExamples(engine, await engine.examples());
      for (const question of await engine.examples())
        expect(answered(await engine.ask(question)).answers[0]?.sources[0]?.doc).not.toBe(doc);
      writeFileSync(join(dir, doc), text);
      await engine.sync();
      expect(await engine.examples()).toEqual(before);
    });
  });
});

describe("a stock asked where the corpus states an increase", () => {
  it("says the corpus has only the increase, and quotes it with its source (seeds: 新增高校6所)", async () => {
    const reply = answered(await seeds.ask("有多少所高校"));
    expect(reply.note).toEqual({ code: "increase-only", indicator: "高校" });
    const top = reply.answers[0];
    expect(top?.figure?.text).toBe("6所");
    expect(top?.quote.text).toContain("新增高校");
    expect(top?.sources[0]?.doc).toMatch(/^003_/);
  });

  it.each([
    // the genre's commonest form, 新增A x个、B y个: the second figure was added too
    [
      "reports",
      "云南全国重点实验室有多少个",
      "9个",
      "全国重点实验室",
      "新增7名“两院”院士、9个全国重点实验室",
    ],
    [
      "reports",
      "安徽高新技术企业有多少家",
      "3200家",
      "高新技术企业",
      "新增科技型中小企业7227家、高新技术企业3200家",
    ],
    ["seeds", "公办园学位有多少个", "9270个", "公办园学位", "新增52所公办园、9270个公办园学位"],
  ])(
    "%s: %s — a figure listed after an increase is one too",
    async (corpus, question, figure, indicator, sentence) => {
      const reply = answered(await (corpus === "seeds" ? seeds : reports).ask(question));
      expect(reply.note).toEqual({ code: "increase-only", indicator });
      expect(reply.answers[0]?.figure?.text).toBe(figure);
      expect(reply.answers[0]?.quote.text).toContain(sentence);
    },
  );

  it("adds no note when the question asks for the increase", async () => {
    expect(answered(await seeds.ask("新增高校多少所")).note).toBeUndefined();
    expect(answered(await seeds.ask("新增学位多少")).note).toBeUndefined();
  });

  it.each([
    ["广东上市公司多少家", "1224家", "新增境内外上市公司45家、总量达1224家"],
    ["安徽上市公司多少家", "186家", "新增境内上市公司62家，总数186家"],
    ["湖北全国文明城市多少个", "22个", "总数达到22个"],
  ])("%s: the stock the sentence states beside the increase (%s)", async (question, figure, sentence) => {
    const reply = answered(await reports.ask(question));
    expect(reply.note).toBeUndefined();
    expect(reply.answers[0]?.figure?.text).toBe(figure);
    expect(reply.answers[0]?.quote.text).toContain(sentence);
  });
});
