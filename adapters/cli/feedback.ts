import { parseArgs } from "node:util";
import { applyControlRules, citationText, type FeedbackRow, openStore, parseConfig } from "../../src/mod.js";

/** How to call the feedback command. */
export const FEEDBACK_CLI_USAGE =
  "feedback [--since YYYY-MM-DD] [--rating up|down] [--json]   list 👎/👍 ratings, newest first";

const HELP = `usage: npm run cli -- ${FEEDBACK_CLI_USAGE}
  --since DATE     only ratings given on or after DATE (YYYY-MM-DD, or an ISO time)
  --rating R       only 👍 (up) or 👎 (down)
  --json           one JSON object a line: platform, chat, user, question, rating, at, kind, figure, quote, source
Reads the store: PostgreSQL at DATABASE_URL when it is set, else DATA_DIR/bot.sqlite (DATA_DIR default: data).`;

const OPTIONS = {
  since: { type: "string" },
  rating: { type: "string" },
  json: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

/** Where the command writes (the process's streams; tests pass their own). */
export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

const PROCESS_IO: CliIo = {
  out: (t) => void process.stdout.write(t),
  err: (t) => void process.stderr.write(t),
};

/** Parsed options, or the usage error to print. */
function options(
  args: string[],
): { since?: string; rating?: "up" | "down"; json: boolean; help: boolean } | string {
  let values: { since?: string; rating?: string; json?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({ args, options: OPTIONS, allowPositionals: false, strict: true }));
  } catch (e) {
    return (e as Error).message;
  }
  const { since, rating } = values;
  if (since !== undefined && (!/^\d{4}-\d{2}-\d{2}/.test(since) || Number.isNaN(Date.parse(since))))
    return `--since wants a date YYYY-MM-DD, got "${since}"`;
  if (rating !== undefined && rating !== "up" && rating !== "down")
    return `--rating wants up or down, got "${rating}"`;
  return { since, rating, json: Boolean(values.json), help: Boolean(values.help) };
}

/**
 * User and document text for a terminal listing: controls and line breaks shown as one space, direction controls
 * dropped (the `listing` column of src/corpus/control-chars.ts).
 */
export function terminalText(text: string): string {
  return applyControlRules(text, "listing");
}

/** One rating as lines: 👎 at · platform chat user, then the question, the answer's figure and sentence, its source. */
export function renderFeedbackRow(r: FeedbackRow): string {
  const badge = r.rating === "up" ? "👍" : "👎";
  const lines = [`${badge} ${r.at} · ${r.platform} ${terminalText(r.chat)} ${terminalText(r.user)}`];
  lines.push(`  问：${terminalText(r.question)}`);
  if (r.kind === "no-answer") lines.push("  答：（没有找到答案）");
  else if (r.figure || r.quote)
    lines.push(`  答：${terminalText([r.figure, r.quote].filter(Boolean).join(" — "))}`);
  else lines.push("  答：（未记录：这条反馈早于记录答案的版本）");
  if (r.source) {
    const url = r.source.url ? `  ${terminalText(r.source.url)}` : "";
    lines.push(
      `  出处：${terminalText(citationText(r.source, r.source.paragraph))}  [${terminalText(r.source.doc)}]${url}`,
    );
  }
  return lines.join("\n");
}

/** The count line above the list: 反馈 3 条：👎 2 · 👍 1. */
function summary(rows: FeedbackRow[]): string {
  const down = rows.filter((r) => r.rating === "down").length;
  return `反馈 ${rows.length} 条：👎 ${down} · 👍 ${rows.length - down}`;
}

/**
 * `cli feedback`: the ratings users gave, newest first, with what they asked and the answer's figure and source,
 * so that a maintainer can fix what was flagged. 0 listed (also none), 2 usage error.
 */
export async function runFeedback(
  args: string[],
  env: Record<string, string | undefined>,
  io: CliIo = PROCESS_IO,
): Promise<number> {
  const o = options(args);
  if (typeof o === "string") {
    io.err(`${o}\n${HELP}\n`);
    return 2;
  }
  if (o.help) {
    io.out(`${HELP}\n`);
    return 0;
  }
  const config = parseConfig(env);
  const store = await openStore(config.DATA_DIR, { databaseUrl: config.DATABASE_URL });
  try {
    const rows = await store.feedback.list({ since: o.since, rating: o.rating });
    if (o.json) for (const r of rows) io.out(`${JSON.stringify(r)}\n`);
    else io.out(`${[summary(rows), ...rows.map(renderFeedbackRow)].join("\n\n")}\n`);
    return 0;
  } finally {
    await store.close();
  }
}
