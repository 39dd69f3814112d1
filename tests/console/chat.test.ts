import { PassThrough } from "node:stream";
import { beforeAll, describe, expect, it } from "vitest";
import { runConsoleChat } from "../../adapters/console/chat.js";
import { CHAT_TEXTS } from "../../src/conversation/chat-wording.js";
import { LABELS } from "../../src/conversation/labels.js";
import { createEngine, type Engine } from "../../src/engine.js";

let engine: Engine;
beforeAll(async () => {
  engine = await createEngine({ corpusDir: "seeds" });
});

/** Feeds lines to the chat and collects everything it prints (and logs, in `log`). */
async function chat(lines: string[], over: Engine = engine, log: string[] = []): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let out = "";
  output.on("data", (d: Buffer) => {
    out += d.toString("utf8");
  });
  const done = runConsoleChat(over, input, output, { color: false }, (l) => log.push(l));
  input.end(`${lines.join("\n")}\n`);
  await done;
  return out;
}

describe("terminal chat", () => {
  it("answers with the figure first, then the sentence and its source", async () => {
    const out = await chat(["新增学位多少", "/quit"]);
    expect(out).toMatch(/^政策数字问答/);
    expect(out).toContain("【27.8万个】\n");
    expect(out).toContain("《重庆将遴选部分区县先行创建全国义务教育优质均衡发展区县》 重庆日报");
    expect(out).toMatch(/第\d+段/);
    expect(out.trimEnd().endsWith("再见。")).toBe(true);
  });

  it("offers example questions for small talk, and says when only an increase answers a stock", async () => {
    const out = await chat(["你好", "有多少所高校"]);
    expect(out).toContain(
      `${LABELS.examples}\n${(await engine.examples()).map((q) => `  • ${q}`).join("\n")}`,
    );
    expect(out).toContain("语料中没有找到高校的总数，只有新增的数量：\n【6所】");
  });

  it("checks a claim that starts with 核实", async () => {
    const out = await chat(["核实：全市新增学位3.8万个"]);
    expect(out).toContain("❌ 不一致");
    expect(out).toContain("27.8万个");
  });

  it("lists sources, helps, pages and refuses what it cannot take", async () => {
    const out = await chat(["/sources", "/help", "/more", "/bogus", "长".repeat(501), "火星车什么时候登陆"]);
    expect(out).toContain("重慶市人民政府網站 2025-02-28");
    expect(out).toContain("命令：/help");
    expect(out).toContain("没有更多来源了");
    expect(out).toContain("未知命令 /bogus");
    expect(out).toContain("问题太长了（501 字）");
    expect(out).toContain("没有找到答案");
  });

  it("reads messages as every platform does: /ask, /check, 核查一下, and the same limits for claims", async () => {
    const claim = "全市新增学位3.8万个";
    const out = await chat([
      "/ask 新增学位多少",
      `/check ${claim}`,
      `核查一下：${claim}`,
      `核实 ${"长".repeat(501)}`,
      "核实",
    ]);
    expect(out).toContain("【27.8万个】");
    // Two checks, each stating its verdict once (a one-figure check does not repeat it under the figure).
    expect(out.match(/❌ 不一致/g)?.length).toBe(2);
    expect(out).toContain("说法太长了（501 字）");
    expect(out).toContain("请在 /check 后写上要核实的说法");
  });

  it("apologises for a line that fails (the database gone mid-session), logs one line, and goes on", async () => {
    let asked = 0;
    const failing: Engine = {
      ...engine,
      ask: async (q, o) => {
        if (++asked === 1) throw new Error("connect ECONNREFUSED 127.0.0.1:55450");
        return engine.ask(q, o);
      },
    };
    const log: string[] = [];
    const out = await chat(["新增学位多少", "新增学位多少"], failing, log);
    expect(out).toContain(`> ${CHAT_TEXTS.failed}\n`);
    expect(out).toContain("【27.8万个】");
    expect(out).not.toMatch(/\n\s+at /);
    expect(log).toEqual(["console: line 1 failed: connect ECONNREFUSED 127.0.0.1:55450"]);
  });
});
