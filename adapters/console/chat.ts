import { createInterface } from "node:readline";
import {
  type AskReply,
  CHAT_TEXTS,
  type Conversation,
  citationText,
  consoleBanner,
  converse,
  type Engine,
  helpText,
  type Outcome,
  refusalText,
  unknownCommandText,
} from "../../src/mod.js";
import { renderCheckText, renderText, type TextStyle } from "./render-text.js";

/** Answers shown at once, and per /more. */
const PAGE = 3;
const QUIT = new Set(["quit", "exit"]);

/** The last question's reply and how many of its answers were shown, for /more. */
interface Paging {
  last: AskReply | null;
  shown: number;
}

/**
 * The terminal chat: reads questions line by line, prints answers; returns when input ends or on /quit.
 * One user at a keyboard: no rate limit, but the same parsing and length limit as the chat platforms. A line that
 * fails (a database gone mid-session) gets the apology, and `log` one line with why; the chat goes on.
 */
export async function runConsoleChat(
  engine: Engine,
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
  style: TextStyle,
  log: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): Promise<void> {
  const rl = createInterface({ input, terminal: false });
  const write = (s: string) => output.write(`${s}\n`);
  const conversation: Conversation = { engine, limiter: null };
  const paging: Paging = { last: null, shown: PAGE };
  write(consoleBanner(engine.sources().length));
  output.write("> ");
  let n = 0;
  for await (const line of rl) {
    n++;
    let text: string | null;
    try {
      const outcome = await converse(conversation, "console", line);
      if (outcome.kind === "command" && QUIT.has(outcome.name)) break;
      text = respond(engine, outcome, paging, style);
    } catch (e) {
      log(`console: line ${n} failed: ${e instanceof Error ? e.message : String(e)}`);
      text = CHAT_TEXTS.failed;
    }
    if (text !== null) write(text);
    output.write("> ");
  }
  rl.close();
  write(CHAT_TEXTS.goodbye);
}

/** The text printed for an outcome; null for a blank line. */
function respond(engine: Engine, outcome: Outcome, paging: Paging, style: TextStyle): string | null {
  switch (outcome.kind) {
    case "empty":
      return null;
    case "refused":
      return refusalText(outcome.refusal, "console");
    case "command":
      return runCommand(engine, outcome.name, paging, style);
    case "reply": {
      const { reply } = outcome;
      if (reply.kind === "check") return renderCheckText(reply, style);
      paging.last = reply;
      paging.shown = PAGE;
      return renderText(reply, style, PAGE);
    }
  }
}

function runCommand(engine: Engine, name: string, paging: Paging, style: TextStyle): string {
  if (name === "help") return helpText("console");
  if (name === "sources") return renderSources(engine);
  if (name === "more") return more(paging, style);
  return unknownCommandText(`/${name}`, "console");
}

/** The next answers to the last question. */
function more(paging: Paging, style: TextStyle): string {
  const { last, shown } = paging;
  if (last?.kind !== "answer" || last.answers.length <= shown) return CHAT_TEXTS.noMore;
  paging.shown += PAGE;
  return renderText({ ...last, answers: last.answers.slice(shown), related: [] }, style, PAGE);
}

function renderSources(engine: Engine): string {
  return engine
    .sources()
    .map((d, i) => `${i + 1}. ${citationText(d)}  [${d.doc}]`)
    .join("\n");
}
