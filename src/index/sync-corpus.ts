import { join } from "node:path";
import { scanCorpus } from "../corpus/corpus-entries.js";
import { type DocumentReader, skippedFile } from "../corpus/document-reader.js";
import { contentHash, readManifest, type SkippedFile } from "../corpus/load.js";
import { readRegularFile } from "../corpus/read-regular-file.js";
import { AppError } from "../errors.js";
import type { DocumentTables } from "./document-tables.js";
import type { PassageIndex } from "./passage-index.js";

/** What a re-scan of the corpus directory changed. */
export interface CorpusChanges {
  added: string[];
  updated: string[];
  removed: string[];
  skipped: SkippedFile[];
  /** What reading the added and updated files dropped ("page.html: URL "javascript:…" dropped: …"). */
  notes: string[];
}

/**
 * Brings a passage index in line with the directory, given the documents it holds (their names and content
 * hashes): unchanged files (same content hash) are not parsed again, nor are files the reader refused with the
 * same content. Entries that are not regular files are skipped.
 */
export async function syncCorpus(
  index: PassageIndex,
  known: Pick<DocumentTables, "docs" | "hashes">,
  dir: string,
  reader: DocumentReader,
): Promise<CorpusChanges> {
  const { files, skipped } = scanCorpus(dir);
  const changes: CorpusChanges = { added: [], updated: [], removed: [], skipped, notes: [] };
  const manifest = readManifest(dir);
  const before = new Map([...known.docs.keys()].map((doc) => [doc, known.hashes.get(doc) ?? null]));
  // A set: one lookup per document, not a scan of every file (100,000 documents made it quadratic).
  const present = new Set(files);
  for (const doc of before.keys()) {
    if (present.has(doc)) continue;
    await index.remove(doc);
    changes.removed.push(doc);
  }
  for (const file of files) {
    const hash = before.get(file);
    try {
      // Hashing is cheap, parsing is not: an unchanged file is not parsed again.
      if (hash && hash === contentHash(readRegularFile(join(dir, file), file))) continue;
      const loaded = await reader.read(dir, file, manifest.get(file) ?? {});
      await index.add([loaded]);
      (hash ? changes.updated : changes.added).push(file);
      for (const note of loaded.notes ?? []) changes.notes.push(`${file}: ${note}`);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      changes.skipped.push(skippedFile(file, e));
    }
  }
  return changes;
}
