import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { deserialize, serialize } from "node:v8";
import type { SkippedFile } from "../corpus/load.js";
import type { CorpusIndex } from "./corpus-index.js";
import type { Gazetteer } from "./places.js";
import { type IndexSnapshot, restoreIndex, SNAPSHOT_VERSION, snapshotIndex } from "./snapshot.js";

/**
 * Writes the index snapshot: to a temporary file first, then renamed over the old one, so a crash
 * mid-write never leaves a half-written snapshot where the next start would read it.
 */
export function writeSnapshot(file: string, ix: CorpusIndex, key: string, skipped: SkippedFile[]): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  writeFileSync(tmp, serialize(snapshotIndex(ix, key, skipped)));
  renameSync(tmp, file);
}

/** Reads a snapshot when it exists and was built from this very corpus (same key and version); else null. */
export function readSnapshot(
  file: string,
  key: string,
  gazetteer: Gazetteer,
): { index: CorpusIndex; skipped: SkippedFile[] } | null {
  if (!existsSync(file)) return null;
  try {
    const data = deserialize(readFileSync(file)) as IndexSnapshot;
    if (data.version !== SNAPSHOT_VERSION || data.key !== key) return null;
    return { index: restoreIndex(data, gazetteer), skipped: data.skipped };
  } catch {
    // A damaged or foreign file is not an error for the user: the index is rebuilt and the file replaced.
    return null;
  }
}
