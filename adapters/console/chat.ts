import { createInterface } from "node:readline";
import type { Engine } from "../../src/engine.js";
import { renderCheckText, renderCitation, renderText, type TextStyle } from "./render-text.js";

const HELP = `输入问题即可查询，例如：新增学位多少 / 高等教育毛入学率 / 要建设多少所特色高中
核实一个说法：以“核实”开头，例如：核实：全市新增学位28万个
命令：/help 帮助  /check 说法 核实  /sources 文档列表  /more 更多来源  /quit 退出`;

/** A message that asks to verify a claim: 核实/核查/查证 or /check. */
const CLAIM = /^(?:核实|核查|查证|\/check(?:\s|$))/;

const MAX_QUESTION = 500;

/** The terminal chat: reads questions line by line, prints answers; returns when input ends or on /quit. */
export async function runConsoleChat(
  engine: Engine,
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
  style: TextStyle,
): Promise<void> {
  const rl = createInterface({ input, terminal: false });
  const write = (s: string) => output.write(`${s}\n`);
  write(`政策数字问答 · ${engine.sources().length} 篇文档已载入。${HELP}`);
  let last: ReturnType<Engine["ask"]> | null = null;
  let shown = 3;
  output.write("> ");
  for await (const raw of rl) {
    const line = raw.trim();
    if (line === "/quit" || line === "/exit") break;
    if (line === "") {
      output.write("> ");
      continue;
    }
    if (line === "/help") write(HELP);
    else if (line === "/sources") write(renderSources(engine));
    else if (line === "/more") {
      if (last?.kind === "answer" && last.answers.length > shown) {
        write(renderText({ ...last, answers: last.answers.slice(shown), related: [] }, style, 3));
        shown += 3;
      } else write("没有更多来源了。");
    } else if (CLAIM.test(line)) {
      if (line.length > MAX_QUESTION)
        write(`说法太长（${line.length} 字），请控制在 ${MAX_QUESTION} 字以内。`);
      else write(renderCheckText(engine.check(line), style));
    } else if (line.startsWith("/")) write(`未知命令 ${line.split(/\s/)[0]}。${HELP}`);
    else if (line.length > MAX_QUESTION)
      write(`问题太长（${line.length} 字），请控制在 ${MAX_QUESTION} 字以内。`);
    else {
      last = engine.ask(line);
      shown = 3;
      write(renderText(last, style));
    }
    output.write("> ");
  }
  rl.close();
  write("再见。");
}

function renderSources(engine: Engine): string {
  return engine
    .sources()
    .map(
      (d, i) =>
        `${i + 1}. ${renderCitation({ ...d, paragraph: 0, docTitle: d.title }).replace(/ · 标题$/, "")}  [${d.doc}]`,
    )
    .join("\n");
}
