import { basename } from "node:path";
import {
  AppError,
  applyControlRules,
  type Config,
  type CorpusChanges,
  describeStoreProblem,
  type Engine,
  type EngineOptions,
  type IngestMeta,
  type IngestResult,
  ingestEach,
  parseConfig,
  prepareCorpus,
  seenDocuments,
  tryOpenStore,
} from "../../src/mod.js";
import { engineOptions } from "../open-engine.js";
import { openReplica } from "../open-replica.js";

/** Exit code when some files of the batch were refused (0 all added, 1 setup problem, 2 unknown command). */
export const EXIT_REFUSED = 3;

/** Exit code when the files were added to the corpus but could not be synced into PostgreSQL (DATABASE_URL). */
export const EXIT_NOT_SYNCED = 4;

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
  const docs: string[] = [];
  for await (const r of ingestEach(paths, { corpusDir, maxDocMb, meta, clock: () => new Date() })) {
    counts[r.status]++;
    if (r.status === "added") docs.push(r.doc);
    process.stdout.write(`${json ? JSON.stringify(r) : renderIngestLine(r)}\n`);
  }
  if (!json) process.stdout.write(`${renderIngestSummary(counts.added, counts.refused, corpusDir)}\n`);
  if (config.DATABASE_URL && counts.added > 0) {
    const synced = await syncIntoDatabase(config, engineOptions(config, corpusDir), docs);
    (json ? process.stderr : process.stdout).write(`${synced.line}\n`);
    if (!synced.ok) return EXIT_NOT_SYNCED;
  }
  return counts.refused > 0 ? EXIT_REFUSED : 0;
}

/** The line a sync into PostgreSQL ends with; documents a replica synced first are said to be there already. */
function syncedLine(c: CorpusChanges, docs: string[]): string {
  const counted = new Set([...c.added, ...c.updated]);
  const already = docs.filter((d) => !counted.has(d)).length;
  const first = already
    ? `; ${already} already indexed (a replica synced ${already === 1 ? "it" : "them"} first)`
    : "";
  return `PostgreSQL index: ${c.added.length} added, ${c.updated.length} updated, ${c.removed.length} removed${first}`;
}

/**
 * With DATABASE_URL: the corpus directory synced into the shared index, waiting for the corpus-sync lock if a
 * replica holds it, so that every replica answers from the files just added; then the documents are recorded as
 * seen for the digests. A database that cannot be reached, or a corpus directory that is not the shared one, is
 * one line: the files are in CORPUS_DIR only.
 */
async function syncIntoDatabase(
  config: Config,
  options: EngineOptions,
  docs: string[],
): Promise<{ ok: boolean; line: string }> {
  const say = (line: string) => process.stderr.write(`warning: ${printable(line)}\n`);
  const url = config.DATABASE_URL ?? "";
  try {
    const replica = await openReplica(url, options, { startSync: "wait", listen: false, log: say });
    await replica.close();
    const out = replica.started;
    if (out?.kind === "not-shared")
      return { ok: false, line: `✗ not synced into PostgreSQL: ${printable(out.reason)}` };
    if (out?.kind !== "synced") return { ok: false, line: "✗ not synced into PostgreSQL" };
    await recordSeen(config, replica.engine, say);
    return { ok: true, line: syncedLine(out.changes, docs) };
  } catch (e) {
    const why = printable((e as Error).message ?? String(e));
    return {
      ok: false,
      line: `✗ not synced into PostgreSQL (${why}): a replica's next sync takes the files`,
    };
  }
}

/** Records the index's documents as seen in the store, so that the digests count them from today. */
async function recordSeen(config: Config, engine: Engine, say: (line: string) => void): Promise<void> {
  const now = new Date();
  const opening = await tryOpenStore(config.DATA_DIR, { now, databaseUrl: config.DATABASE_URL });
  if (opening.kind === "unavailable") return say(describeStoreProblem(opening.problem));
  try {
    await opening.store.documents.recordSeen(seenDocuments(engine.documents), now);
  } catch (e) {
    say(`could not record the documents for the digests: ${(e as Error).message}`);
  } finally {
    await opening.store.close();
  }
}
