import { createInterface } from "node:readline";
import { AppError, batchRefusal, type Config, type Engine, parseConfig } from "../../src/mod.js";
import { renderCheckText, renderText } from "../console/render-text.js";
import { loadEnv } from "../load-env.js";
import { closeEngine, openEngine } from "../open-engine.js";
import { askJson, checkJson } from "./ask-json.js";
import {
  type Command,
  type CommandArgs,
  commandUsage,
  EXIT_USAGE,
  fullUsage,
  parseCommandArgs,
} from "./commands.js";
import { digestRequestProblem, runDigestCli } from "./digest.js";
import { renderAskExplanation, renderCheckExplanation } from "./explain-text.js";
import { runFeedback } from "./feedback.js";
import { runHealth } from "./health.js";
import { INGEST_OPTIONS, runIngest } from "./ingest.js";
import { runMigrate } from "./migrate.js";
import { renderSources } from "./sources.js";

const ENVIRONMENT = `Environment (also read from .env): DATA_DIR (default data), CORPUS_DIR (default DATA_DIR/corpus,
made as a copy of seeds/), SYNONYMS_FILE (extra synonym table), MAX_DOC_MB (ingest limit, 20),
DATABASE_URL (the store in PostgreSQL; unset: DATA_DIR/bot.sqlite). See README.md.`;

/** Reads stdin lines (batch mode). */
async function readLines(): Promise<string[]> {
  const lines: string[] = [];
  for await (const line of createInterface({ input: process.stdin })) lines.push(line);
  return lines;
}

/** The engine over the configured corpus; a snapshot due after a build is written once the command is done. */
async function withEngine(run: (engine: Engine, config: Config) => Promise<number>): Promise<number> {
  const config = parseConfig(process.env);
  const engine = await openEngine(config, "later");
  for (const s of engine.skipped) process.stderr.write(`skipped ${s.file}: ${s.reason}\n`);
  for (const n of engine.notes) process.stderr.write(`note: ${n}\n`);
  try {
    return await run(engine, config);
  } finally {
    for (const w of engine.flushSnapshot()) process.stderr.write(`warning: ${w}\n`);
    await closeEngine(engine);
  }
}

/** The texts to answer: the arguments as one text, else one a line from stdin. */
async function textsOf(args: CommandArgs): Promise<string[]> {
  const text = args.positionals.join(" ").trim();
  return text ? [text] : (await readLines()).map((l) => l.trim()).filter(Boolean);
}

/** `ask` and `check`: one reply per text, as text (with --explain, the ranking behind it) or one JSON line. */
async function answerTexts(mode: "ask" | "check", args: CommandArgs): Promise<number> {
  const texts = await textsOf(args);
  if (texts.length === 0) {
    const what = mode === "check" ? "说法" : "问题";
    process.stderr.write(`没有要查的${what}：写在命令后面（${mode} "…"），或每行一个从标准输入传入。\n`);
    return EXIT_USAGE;
  }
  // Over the input limits of every chat (length, figures a claim): said before anything is answered.
  const refused = batchRefusal(mode, texts);
  if (refused) {
    process.stderr.write(`${refused}\n`);
    return EXIT_USAGE;
  }
  const json = args.values.json === true;
  const options = { explain: args.values.explain === true };
  const style = { color: Boolean(process.stdout.isTTY) };
  return withEngine(async (engine) => {
    for (const t of texts) {
      if (mode === "check") {
        const reply = await engine.check(t, options);
        const explain = reply.explain ? `\n${renderCheckExplanation(reply.explain)}` : "";
        process.stdout.write(
          json ? `${JSON.stringify(checkJson(reply))}\n` : `${renderCheckText(reply, style)}${explain}\n\n`,
        );
      } else {
        const reply = await engine.ask(t, options);
        const explain = reply.explain ? `\n${renderAskExplanation(reply.explain)}` : "";
        process.stdout.write(
          json ? `${JSON.stringify(askJson(reply))}\n` : `${renderText(reply, style)}${explain}\n\n`,
        );
      }
    }
    return 0;
  });
}

const ANSWER_OPTIONS = { json: { type: "boolean" }, explain: { type: "boolean" } } as const;
const EXPLAIN_ABOUT =
  "--explain: also print the ranking behind the reply (candidates, score by feature, why the no-answer rule fired or not; for a check, every sentence weighed per figure and the verdict's basis)";

/** Every command of the CLI, in the order usage lists them. */
const COMMANDS: readonly Command[] = [
  {
    name: "ask",
    synopsis: '[--json] [--explain] ["问题"]',
    about: ["answer a question (no text: one question a line on stdin)", EXPLAIN_ABOUT],
    options: ANSWER_OPTIONS,
    run: (a) => answerTexts("ask", a),
  },
  {
    name: "check",
    synopsis: '[--json] [--explain] ["说法"]',
    about: ["fact-check a claim with figures (no text: one claim a line on stdin)", EXPLAIN_ABOUT],
    options: ANSWER_OPTIONS,
    run: (a) => answerTexts("check", a),
  },
  {
    name: "sources",
    synopsis: "[--json]",
    about: ["list the documents of the corpus: title, publisher, date, home place"],
    options: { json: { type: "boolean" } },
    run: (a) =>
      withEngine(async (engine) => {
        const docs = engine.sources();
        if (docs.length) process.stdout.write(`${renderSources(docs, a.values.json === true)}\n`);
        return 0;
      }),
  },
  {
    name: "digest",
    synopsis: "--preview [--since YYYY-MM-DD] [话题…]",
    about: ["print the digest of the documents first seen since a day (default yesterday)"],
    options: { preview: { type: "boolean" }, since: { type: "string" } },
    run: async (a) => {
      const request = {
        preview: a.values.preview === true,
        since: typeof a.values.since === "string" ? a.values.since : null,
        topics: a.positionals,
      };
      const problem = digestRequestProblem(request);
      if (problem) throw new AppError("INPUT_INVALID", problem);
      return withEngine(async (engine, config) => runDigestCli(engine, config, request));
    },
  },
  {
    name: "ingest",
    synopsis: "[--title T] [--publisher P] [--date YYYY-MM-DD] [--url U] [--json] <file|dir>…",
    about: [
      "add .txt/.md/.html/.pdf/.docx files to the corpus (exit 3 if any is refused); with DATABASE_URL, then",
      "sync them into the shared PostgreSQL index (exit 4 if it cannot be reached)",
    ],
    options: INGEST_OPTIONS,
    run: ({ values, positionals }) => {
      const { json, ...meta } = values as { json?: boolean } & Record<string, string | undefined>;
      return runIngest({ paths: positionals, meta, json: json === true }, process.env);
    },
  },
  {
    name: "feedback",
    synopsis: "[--since YYYY-MM-DD] [--rating up|down] [--json]",
    about: [
      "list the 👎/👍 users gave, newest first: the question, the answer's figure, sentence and source",
      "--since DATE: only ratings given on or after DATE; --rating: only up or down",
      "--json: one JSON object a line (platform, chat, user, question, rating, at, kind, figure, quote, source)",
    ],
    options: { since: { type: "string" }, rating: { type: "string" }, json: { type: "boolean" } },
    run: (a) => runFeedback(a.raw, process.env),
  },
  {
    name: "migrate",
    synopsis: "[--from-sqlite [FILE]]",
    about: [
      "apply the PostgreSQL store's migrations at DATABASE_URL and print its schema version",
      "--from-sqlite: then copy the SQLite store (DATA_DIR/bot.sqlite, or FILE) into it, in one transaction;",
      "refused (exit 1) when the PostgreSQL store already holds rows",
    ],
    options: { "from-sqlite": { type: "boolean" } },
    run: (a) =>
      runMigrate({ fromSqlite: a.values["from-sqlite"] === true, files: a.positionals }, process.env),
  },
  {
    name: "health",
    synopsis: "[--json]",
    about: [
      "check the running bot (npm start): its heartbeat file DATA_DIR/health.json and, when it serves HTTP,",
      "GET /healthz; exit 0 when it is up and ready, 1 otherwise (with the reason)",
    ],
    options: { json: { type: "boolean" } },
    run: (a) => runHealth(a.raw, process.env),
  },
];

/** Runs the command line; resolves with the exit code (2: a usage mistake, said with the usage). */
async function run(argv: string[]): Promise<number> {
  loadEnv();
  const [name, ...rest] = argv;
  const usage = fullUsage(COMMANDS, ENVIRONMENT);
  if (!name || name === "help" || name === "--help" || name === "-h") {
    process.stdout.write(`${usage}\n`);
    return name ? 0 : EXIT_USAGE;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    process.stderr.write(`unknown command "${name}"\n${usage}\n`);
    return EXIT_USAGE;
  }
  try {
    const args = parseCommandArgs(command, rest);
    if (args.help) {
      process.stdout.write(`${commandUsage(command)}\n${ENVIRONMENT}\n`);
      return 0;
    }
    return await command.run(args);
  } catch (e) {
    if (!(e instanceof AppError && e.code === "INPUT_INVALID")) throw e;
    process.stderr.write(`${e.message}\n${commandUsage(command)}\n`);
    return EXIT_USAGE;
  }
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
