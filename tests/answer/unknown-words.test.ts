import { beforeAll, describe, expect, it } from "vitest";
import { answerRequest } from "../../src/conversation/converse.js";
import { createEngine, type Engine } from "../../src/engine.js";

let engine: Engine;
beforeAll(async () => {
  engine = await createEngine({ corpusDir: "seeds", clock: () => new Date("2026-03-01T12:00:00+08:00") });
});

const top = async (question: string) => {
  const reply = await engine.ask(question);
  return reply.kind === "answer" ? reply.answers[0]?.figure?.text : `no answer: ${JSON.stringify(reply)}`;
};

// Issue 14, finding 9: a word the corpus never writes weighed most and vetoed every answer.
describe("a stray word in Latin letters never vetoes an answer", () => {
  it.each(["新增学位多少 hello", "alice 新增学位多少", "新增学位 xyz 多少", "bob: 新增学位多少"])(
    "%s",
    async (q) => {
      expect(await top(q)).toBe("27.8万个");
    },
  );

  it("nor a stray word in a claim", async () => {
    expect((await engine.check("alice 全市新增学位28万个")).verdict).toBe("supported");
  });

  it("a command's mentions are removed before the engine sees the text (/factcheck <!here> …)", async () => {
    const c = { engine, limiter: null };
    const outcome = await answerRequest(c, "u", { kind: "check", text: "<!here> @alice 全市新增学位28万个" });
    expect(outcome.kind === "reply" && outcome.asked).toBe("全市新增学位28万个");
    expect(outcome.kind === "reply" && outcome.reply.kind === "check" && outcome.reply.verdict).toBe(
      "supported",
    );
  });

  it.each([
    "赛力斯2023年营收多少", // a Chinese name the corpus lacks still refuses
    "火星车什么时候登陆",
    "iPhone销量多少", // a Latin word with nothing else the corpus knows
    "hello",
  ])("%s: still no answer", async (q) => {
    expect((await engine.ask(q)).kind).toBe("no-answer");
  });
});
