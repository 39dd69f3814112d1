import { basename } from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { AppError, type IngestMeta, type IngestResult, ingestFiles, parseConfig } from "../../src/mod.js";

/** Exit code when some files of the batch were refused (0 all added, 1 setup problem, 2 unknown command). */
export const EXIT_REFUSED = 3;

const USAGE = "ingest [--title T] [--publisher P] [--date YYYY-MM-DD] [--url U] [--json] <file|dir>…";

const maxDocMb = z.coerce.number().positive().default(20);

/** MAX_DOC_MB from the environment: megabytes, default 20; a bad value names the variable. */
export function parseMaxDocMb(raw: string | undefined): number {
  const parsed = maxDocMb.safeParse(raw?.trim() ? raw : undefined);
  if (!parsed.success)
    throw new AppError(
      "CONFIG_INVALID",
      `MAX_DOC_MB must be a positive number of megabytes (got "${raw}") — fix it or unset it for 20`,
    );
  return parsed.data;
}

const OPTIONS = {
  title: { type: "string" },
  publisher: { type: "string" },
  date: { type: "string" },
  url: { type: "string" },
  json: { type: "boolean" },
} as const;

function parseOrExplain(args: string[]) {
  try {
    return parseArgs({ args, options: OPTIONS, allowPositionals: true });
  } catch (e) {
    throw new AppError("INPUT_INVALID", `${(e as Error).message} — usage: npm run cli -- ${USAGE}`);
  }
}

function parseIngestArgs(args: string[]): { meta: IngestMeta; json: boolean; paths: string[] } {
  const parsed = parseOrExplain(args);
  const { json, ...meta } = parsed.values;
  if (parsed.positionals.length === 0)
    throw new AppError(
      "INPUT_INVALID",
      `name at least one file or directory — usage: npm run cli -- ${USAGE}`,
    );
  return { meta, json: Boolean(json), paths: parsed.positionals };
}

/** One readable line per file: "✓ added report.pdf — 《title》 publisher date" or "✗ refused scan.pdf: why". */
export function renderIngestLine(r: IngestResult): string {
  const name = basename(r.file);
  if (r.status === "refused") return `✗ refused ${name}: ${r.reason}`;
  const as = r.doc === name ? "" : ` (as ${r.doc})`;
  const about = [r.title ? `《${r.title}》` : "(no title)", r.publisher, r.date].filter(Boolean).join(" ");
  return `✓ added ${name}${as} — ${about}`;
}

/** `cli ingest`: adds documents to CORPUS_DIR (extraction and parsing only, no index is built). */
export async function runIngest(args: string[], env: Record<string, string | undefined>): Promise<number> {
  const { meta, json, paths } = parseIngestArgs(args);
  const corpusDir = parseConfig(env).CORPUS_DIR;
  const results = await ingestFiles(paths, {
    corpusDir,
    maxDocMb: parseMaxDocMb(env.MAX_DOC_MB),
    meta,
    clock: () => new Date(),
  });
  for (const r of results) process.stdout.write(`${json ? JSON.stringify(r) : renderIngestLine(r)}\n`);
  const refused = results.filter((r) => r.status === "refused").length;
  if (!json)
    process.stdout.write(`${results.length - refused} added, ${refused} refused (corpus: ${corpusDir})\n`);
  return refused > 0 ? EXIT_REFUSED : 0;
}
