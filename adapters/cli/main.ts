import { createInterface } from "node:readline";
import { type Config, parseConfig } from "../../src/config.js";
import type { Engine } from "../../src/engine.js";
import { AppError } from "../../src/errors.js";
import { renderCheckText, renderCitation, renderText } from "../console/render-text.js";
import { openEngine } from "../open-engine.js";
import { askJson, checkJson } from "./ask-json.js";
import { DIGEST_CLI_USAGE, runDigestCli } from "./digest.js";
import { runIngest } from "./ingest.js";

const USAGE = `usage: npm run cli -- <command> [--json] [text]
  ask [--json] "问题"       answer a question (no text: one question a line on stdin)
  check [--json] "说法"     fact-check a claim with figures (no text: one claim a line on stdin)
  sources [--json]          list the documents of the corpus
  ${DIGEST_CLI_USAGE}
  ingest [--title T] [--publisher P] [--date YYYY-MM-DD] [--url U] [--json] <file|dir>…
                            add .txt/.md/.html/.pdf/.docx files to the corpus (exit 3 if any is refused)
Environment: CORPUS_DIR (default seeds), SYNONYMS_FILE (extra synonym table), MAX_DOC_MB (ingest limit, 20).`;

/** Reads stdin lines (batch mode). */
async function readLines(): Promise<string[]> {
  const lines: string[] = [];
  for await (const line of createInterface({ input: process.stdin })) lines.push(line);
  return lines;
}

async function run(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const json = rest.includes("--json");
  const text = rest
    .filter((a) => a !== "--json")
    .join(" ")
    .trim();
  if (!command || command === "help" || command === "--help") {
    process.stdout.write(`${USAGE}\n`);
    return command ? 0 : 2;
  }
  if (command === "ingest") return runIngest(rest, process.env);
  if (!["ask", "check", "sources", "digest"].includes(command)) {
    process.stderr.write(`unknown command "${command}"\n${USAGE}\n`);
    return 2;
  }
  const config = parseConfig(process.env);
  // A snapshot due after a build is written once the answers are out: the user does not wait for it.
  const engine = await openEngine(config, "later");
  for (const s of engine.skipped) process.stderr.write(`skipped ${s.file}: ${s.reason}\n`);
  try {
    return await answer(engine, config, command, rest, text, json);
  } finally {
    for (const w of engine.flushSnapshot()) process.stderr.write(`warning: ${w}\n`);
  }
}

async function answer(
  engine: Engine,
  config: Config,
  command: string,
  rest: string[],
  text: string,
  json: boolean,
): Promise<number> {
  if (command === "sources") return printSources(engine, json);
  if (command === "digest") return runDigestCli(engine, config, rest);
  const questions = text ? [text] : (await readLines()).map((l) => l.trim()).filter(Boolean);
  const style = { color: Boolean(process.stdout.isTTY) };
  for (const q of questions) {
    if (command === "check") {
      const reply = engine.check(q);
      process.stdout.write(
        json ? `${JSON.stringify(checkJson(reply))}\n` : `${renderCheckText(reply, style)}\n\n`,
      );
    } else {
      const reply = engine.ask(q);
      process.stdout.write(json ? `${JSON.stringify(askJson(reply))}\n` : `${renderText(reply, style)}\n\n`);
    }
  }
  return 0;
}

function printSources(engine: Engine, json: boolean): number {
  for (const d of engine.sources()) {
    process.stdout.write(
      json
        ? `${JSON.stringify(d)}\n`
        : `${renderCitation({ ...d, docTitle: d.title, paragraph: 0 }).replace(/ · 标题$/, "")}  [${d.doc}]\n`,
    );
  }
  return 0;
}

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(
      `${e instanceof AppError ? e.message : `unexpected error: ${(e as Error).stack ?? e}`}\n`,
    );
    process.exitCode = 1;
  },
);
