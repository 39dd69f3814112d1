import { randomUUID } from "node:crypto";
import {
  constants,
  copyFileSync,
  existsSync,
  linkSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { AppError } from "../errors.js";
import { isDocumentName } from "./corpus-files.js";
import { candidateNames } from "./ingest-names.js";
import { contentHash } from "./load.js";
import { MANIFEST_FILE, parseManifest } from "./manifest.js";

/** A manifest entry as ingestion writes it. */
export interface ManifestEntry {
  file: string;
  title: string | null;
  publisher: string | null;
  date: string | null;
  url: string | null;
  note: string;
}

/** What ingestion knows of a corpus directory: the content there, re-read under the lock before each write. */
export interface CorpusState {
  dir: string;
  /** Content hash → file name, for every document file of the directory. */
  hashes: Map<string, string>;
  /**
   * File name → content hash of every document read so far: a refresh reads only new names (a file changed
   * in place, by hand, during a batch keeps the hash it had).
   */
  seen: Map<string, string>;
}

/** The error for content already in the corpus, named by the file that has it. */
export function duplicateError(name: string, same: string): AppError {
  return new AppError(
    "DUPLICATE",
    `${name}: same content as ${same}, already in the corpus — nothing to add`,
    { file: name },
  );
}

/** The manifest as JSON, validated by the loader's schema; an empty one when there is none. */
function readManifestJson(dir: string): { documents: Array<{ file: string }> } {
  const path = join(dir, MANIFEST_FILE);
  if (!existsSync(path)) return { documents: [] };
  const json = readFileSync(path, "utf8");
  parseManifest(json, path);
  return JSON.parse(json);
}

type ManifestJson = ReturnType<typeof readManifestJson>;

/** The content hash of a document file, or null when it is not a readable file (gone since, a directory). */
function hashOf(path: string): string | null {
  try {
    return statSync(path).isFile() ? contentHash(readFileSync(path)) : null;
  } catch {
    return null;
  }
}

/**
 * Re-reads the directory and its manifest: every name in either is taken; documents not seen before are
 * hashed (one directory listing, no stat, for those already seen).
 */
function refreshCorpus(corpus: CorpusState): { taken: Set<string>; manifest: ManifestJson } {
  const manifest = readManifestJson(corpus.dir);
  const entries = readdirSync(corpus.dir, { withFileTypes: true });
  const documents = entries
    .filter((e) => isDocumentName(e.name) && (e.isFile() || e.isSymbolicLink()))
    .map((e) => e.name)
    .sort();
  corpus.hashes.clear();
  for (const name of documents) {
    const hash = corpus.seen.get(name) ?? hashOf(join(corpus.dir, name));
    if (hash === null) continue;
    corpus.seen.set(name, hash);
    if (!corpus.hashes.has(hash)) corpus.hashes.set(hash, name);
  }
  const taken = new Set([...entries.map((e) => e.name), ...manifest.documents.map((d) => d.file)]);
  return { taken, manifest };
}

/** Reads the corpus directory at the start of a batch; a missing directory or broken manifest stops the batch. */
export function openCorpus(dir: string): CorpusState {
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    throw new AppError(
      "CORPUS_MISSING",
      `corpus directory ${dir} does not exist — create it or set CORPUS_DIR`,
    );
  const corpus: CorpusState = { dir, hashes: new Map(), seen: new Map() };
  refreshCorpus(corpus);
  return corpus;
}

/** Writes a file under a hidden temporary name and renames it into place, so no reader sees half a file. */
function writeAtomic(dir: string, name: string, data: string): void {
  const tmp = join(dir, `.${name}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, join(dir, name));
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

/** Puts a written file in place under `name` only if that name is free; false when it is taken. */
function placeExclusive(tmp: string, path: string): boolean {
  try {
    linkSync(tmp, path);
    return true;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "EEXIST") return false;
    if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EXDEV") throw e;
  }
  // No hard links on this file system: an exclusive copy (a reader may see it being written, never a clobber).
  try {
    copyFileSync(tmp, path, constants.COPYFILE_EXCL);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw e;
  }
}

/** Places the document under the first candidate name nothing has, never over an existing file. */
function placeDocument(dir: string, tmp: string, wanted: string, taken: Set<string>): string {
  for (const name of candidateNames(wanted)) {
    if (taken.has(name)) continue;
    if (placeExclusive(tmp, join(dir, name))) return name;
    taken.add(name);
  }
  throw new Error("unreachable: candidate names never run out");
}

/**
 * Copies a document into the corpus and records it in the manifest; call it holding the corpus lock. The
 * directory and manifest are read afresh (another process may have written since), the content refused if
 * now present, the file created under a free name, then the manifest rewritten whole (temporary file and
 * rename). If the manifest cannot be written, the copy is removed. Returns the name the file took.
 */
export function storeDocument(
  corpus: CorpusState,
  bytes: Uint8Array,
  wanted: string,
  entry: Omit<ManifestEntry, "file">,
): string {
  const { taken, manifest } = refreshCorpus(corpus);
  const same = corpus.hashes.get(contentHash(bytes));
  if (same) throw duplicateError(wanted, same);
  const tmp = join(corpus.dir, `.ingest-${randomUUID()}.tmp`);
  writeFileSync(tmp, bytes);
  try {
    const file = placeDocument(corpus.dir, tmp, wanted, taken);
    manifest.documents = [...manifest.documents.filter((d) => d.file !== file), { file, ...entry }];
    try {
      const json = `${JSON.stringify(manifest, null, 2)}\n`;
      parseManifest(json, join(corpus.dir, MANIFEST_FILE));
      writeAtomic(corpus.dir, MANIFEST_FILE, json);
    } catch (e) {
      rmSync(join(corpus.dir, file), { force: true });
      throw e;
    }
    corpus.hashes.set(contentHash(bytes), file);
    return file;
  } finally {
    rmSync(tmp, { force: true });
  }
}
