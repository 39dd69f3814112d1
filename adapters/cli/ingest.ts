import { basename } from "node:path";
import {
  AppError,
  applyControlRules,
  type IngestMeta,
  type IngestResult,
  ingestEach,
  parseConfig,
  prepareCorpus,
} from "../../src/mod.js";

/** Exit code when some files of the batch were refused (0 all added, 1 setup problem, 2 unknown command). */
export const EXIT_REFUSED = 3;

/** The flags of `ingest`, as the CLI's command table declares them (adapters/cli/main.ts). */
export const INGEST_OPTIONS = {
  title: { type: "string" },
  publisher: { type: "string" },
  date: { type: "string" },
  url: { type: "string" },
  json: { type: "boolean" },
} as const;

/** What ingest was asked: the files, their metadata, and whether to print JSON. */
export interface IngestRequest {
  paths: string[];
  meta: IngestMeta;
  json: boolean;
}

/**
 * Text for one terminal line: controls, line separators and direction controls shown as escapes (`\n`, `\x1b`,
 * `\u202e`), so that a name cannot forge a line or reorder it (the `line` column of src/corpus/control-chars.ts).
 */
export function printable(text: string): string {
  return applyControlRules(text, "line");
}

/**
 * One line per file, whatever its name or metadata hold: "✓ added report.pdf — 《title》 publisher date" or
 * "✗ refused scan.pdf: why".
 */
export function renderIngestLine(r: IngestResult): string {
  const name = basename(r.file);
  if (r.status === "refused") return printable(`✗ refused ${name}: ${r.reason}`);
  const as = r.doc === name ? "" : ` (as ${r.doc})`;
  const about = [r.title ? `《${r.title}》` : "(no title)", r.publisher, r.date].filter(Boolean).join(" ");
  return printable(`✓ added ${name}${as} — ${about}`);
}

/** The closing line of a batch: "60 files: 58 added, 2 refused (corpus: data/corpus)". */
export function renderIngestSummary(added: number, refused: number, corpusDir: string): string {
  const files = added + refused === 1 ? "1 file" : `${added + refused} files`;
  return printable(`${files}: ${added} added, ${refused} refused (corpus: ${corpusDir})`);
}

/**
 * `cli ingest`: adds documents to the corpus directory (extraction and parsing only, no index is built),
 * printing each file's line (or JSON line) as soon as it is done, then a summary.
 */
export async function runIngest(
  request: IngestRequest,
  env: Record<string, string | undefined>,
): Promise<number> {
  const { meta, json, paths } = request;
  if (paths.length === 0) throw new AppError("INPUT_INVALID", "name at least one file or directory");
  const config = parseConfig(env);
  const maxDocMb = config.MAX_DOC_MB;
  const corpusDir = prepareCorpus(config, "write").dir;
  const counts = { added: 0, refused: 0 };
  for await (const r of ingestEach(paths, { corpusDir, maxDocMb, meta, clock: () => new Date() })) {
    counts[r.status]++;
    process.stdout.write(`${json ? JSON.stringify(r) : renderIngestLine(r)}\n`);
  }
  if (!json) process.stdout.write(`${renderIngestSummary(counts.added, counts.refused, corpusDir)}\n`);
  return counts.refused > 0 ? EXIT_REFUSED : 0;
}
