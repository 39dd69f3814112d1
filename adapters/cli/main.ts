import { createInterface } from "node:readline";
import { AppError, batchRefusal, type Config, type Engine, parseConfig } from "../../src/mod.js";
import { renderCheckText, renderText } from "../console/render-text.js";
import { openEngine } from "../open-engine.js";
import { askJson, checkJson } from "./ask-json.js";
import { DIGEST_CLI_USAGE, runDigestCli } from "./digest.js";
import { renderAskExplanation, renderCheckExplanation } from "./explain-text.js";
import { runIngest } from "./ingest.js";
import { renderSources } from "./sources.js";

const USAGE = `usage: npm run cli -- <command> [--json] [--explain] [text]
  ask [--json] [--explain] "问题"    answer a question (no text: one question a line on stdin)
  check [--json] [--explain] "说法"  fact-check a claim with figures (no text: one claim a line on stdin)
      --explain: also print the ranking behind the reply (candidates, score by feature, why the
      no-answer rule fired or not; for a check, every sentence weighed per figure and the verdict's basis)
  sources [--json]          list the documents of the corpus: title, publisher, date, home place
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

/** Flags of ask, check and sources; anything else starting with -- is a mistake, not part of the question. */
const FLAGS = new Set(["--json", "--explain"]);

async function run(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === "help" || command === "--help" || rest.includes("--help")) {
    process.stdout.write(`${USAGE}\n`);
    return command ? 0 : 2;
  }
  if (command === "ingest") return runIngest(rest, process.env);
  if (!["ask", "check", "sources", "digest"].includes(command)) {
    process.stderr.write(`unknown command "${command}"\n${USAGE}\n`);
    return 2;
  }
  const unknown = command === "digest" ? undefined : rest.find((a) => a.startsWith("--") && !FLAGS.has(a));
  if (unknown) {
    process.stderr.write(`unknown option "${unknown}" for ${command}\n${USAGE}\n`);
    return 2;
  }
  const flags = { json: rest.includes("--json"), explain: rest.includes("--explain") };
  const text = rest
    .filter((a) => !FLAGS.has(a))
    .join(" ")
    .trim();
  const config = parseConfig(process.env);
  // A snapshot due after a build is written once the answers are out: the user does not wait for it.
  const engine = await openEngine(config, "later");
  for (const s of engine.skipped) process.stderr.write(`skipped ${s.file}: ${s.reason}\n`);
  try {
    return await answer(engine, config, command, rest, text, flags);
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
  flags: { json: boolean; explain: boolean },
): Promise<number> {
  if (command === "sources") return printSources(engine, flags.json);
  if (command === "digest") return runDigestCli(engine, config, rest);
  const questions = text ? [text] : (await readLines()).map((l) => l.trim()).filter(Boolean);
  if (questions.length === 0) {
    const what = command === "check" ? "说法" : "问题";
    process.stderr.write(`没有要查的${what}：写在命令后面（${command} "…"），或每行一个从标准输入传入。\n`);
    return 2;
  }
  const refused = batchRefusal(command === "check" ? "check" : "ask", questions);
  if (refused) {
    process.stderr.write(`${refused}\n`);
    return 2;
  }
  const style = { color: Boolean(process.stdout.isTTY) };
  const options = { explain: flags.explain };
  for (const q of questions) {
    if (command === "check") {
      const reply = engine.check(q, options);
      const explain = reply.explain ? `\n${renderCheckExplanation(reply.explain)}` : "";
      process.stdout.write(
        flags.json
          ? `${JSON.stringify(checkJson(reply))}\n`
          : `${renderCheckText(reply, style)}${explain}\n\n`,
      );
    } else {
      const reply = engine.ask(q, options);
      const explain = reply.explain ? `\n${renderAskExplanation(reply.explain)}` : "";
      process.stdout.write(
        flags.json ? `${JSON.stringify(askJson(reply))}\n` : `${renderText(reply, style)}${explain}\n\n`,
      );
    }
  }
  return 0;
}

function printSources(engine: Engine, json: boolean): number {
  const docs = engine.sources();
  if (docs.length) process.stdout.write(`${renderSources(docs, json)}\n`);
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
