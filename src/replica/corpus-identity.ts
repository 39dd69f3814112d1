import { randomUUID } from "node:crypto";
import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { PgPool } from "../pg/pool.js";

/**
 * The file that names a corpus directory as the shared one (its id, as the database has it). A dot file: the
 * corpus scan never reads it as a document.
 */
export const CORPUS_ID_FILE = ".corpus-id";

/** Whether this directory is the one the replicas share: only then may it be synced into the index. */
export type CorpusIdentity =
  | { kind: "shared"; id: string; claimed: boolean }
  | { kind: "not-shared"; reason: string };

/**
 * Who may claim a database no directory has claimed yet: a replica only while the index is empty ("empty-index"),
 * an ingest ("unclaimed") also over documents synced before corpus ids existed.
 */
export type ClaimRule = "empty-index" | "unclaimed";

interface ClaimRow {
  id: string;
  directory: string;
}

/** The id in a directory's CORPUS_ID_FILE; null when the directory or the file is missing, or it is empty. */
export function readDirectoryId(dir: string): string | null {
  try {
    return readFileSync(join(dir, CORPUS_ID_FILE), "utf8").trim() || null;
  } catch {
    return null;
  }
}

/** Writes the id file whole (beside it, then renamed), so that another replica never reads half of it. */
function writeDirectoryId(dir: string, id: string): void {
  const tmp = join(dir, `${CORPUS_ID_FILE}.${process.pid}.tmp`);
  writeFileSync(tmp, `${id}\n`);
  renameSync(tmp, join(dir, CORPUS_ID_FILE));
}

/**
 * Decides, under the corpus-sync lock, whether `dir` is the shared corpus directory: its id file names the id the
 * database holds. With no id in the database yet, the first caller the rule allows claims it: the directory's id
 * file (written when missing) becomes the database's.
 */
export async function checkCorpusIdentity(
  pool: PgPool,
  dir: string,
  rule: ClaimRule,
  now: Date,
): Promise<CorpusIdentity> {
  const mine = readDirectoryId(dir);
  const row = await claimRow(pool);
  if (row) {
    if (mine === row.id) return { kind: "shared", id: row.id, claimed: false };
    const why = mine
      ? `its ${CORPUS_ID_FILE} names another corpus (${mine}, not ${row.id})`
      : `it has no ${CORPUS_ID_FILE} with the shared corpus's id ${row.id}`;
    return notShared(dir, why, row.directory);
  }
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    return notShared(dir, "it does not exist (a shared volume not mounted?)", null);
  if (rule === "empty-index" && !(await indexIsEmpty(pool)))
    return notShared(
      dir,
      "the index holds documents that no corpus directory has claimed (synced before corpus ids)",
      null,
    );
  const id = mine ?? randomUUID().replaceAll("-", "");
  if (!mine) writeDirectoryId(dir, id);
  await pool.query(
    `INSERT INTO corpus_identity (id, directory, claimed_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
    [id, dir, now],
  );
  return checkCorpusIdentity(pool, dir, rule, now).then((c) =>
    c.kind === "shared" ? { ...c, claimed: true } : c,
  );
}

async function claimRow(pool: PgPool): Promise<ClaimRow | null> {
  const r = await pool.query<ClaimRow>("SELECT id, directory FROM corpus_identity");
  return r.rows[0] ?? null;
}

async function indexIsEmpty(pool: PgPool): Promise<boolean> {
  const r = await pool.query("SELECT 1 FROM index_documents LIMIT 1");
  return r.rowCount === 0;
}

/** The one line a replica or an ingest that does not sync says: why, and what to do. */
function notShared(dir: string, why: string, claimedFrom: string | null): CorpusIdentity {
  const shared = claimedFrom
    ? `the shared corpus directory (${claimedFrom} where it was claimed)`
    : "the shared corpus directory";
  return {
    kind: "not-shared",
    reason:
      `corpus directory ${dir} is not synced into the shared index: ${why} — this process answers from the ` +
      `database; mount ${shared} at ${dir} or set CORPUS_DIR to it, and add documents with ` +
      "`npm run cli -- ingest` into that directory",
  };
}
