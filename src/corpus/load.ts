import { createHash } from "node:crypto";
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { AppError } from "../errors.js";
import { scanCorpus } from "./corpus-entries.js";
import { CONFIG_FILES } from "./corpus-files.js";
import { DOCUMENT_LIMITS, type DocumentLimits } from "./document-limits.js";
import { extractText, supportedExtensions } from "./extract.js";
import { MANIFEST_FILE, parseManifest } from "./manifest.js";
import { parseDocument } from "./parse-document.js";
import { readRegularFile } from "./read-regular-file.js";
import type { DocumentMeta, ParsedDocument } from "./types.js";

/** A file that could not be read, with the reason (and its content hash, when it was read). */
export interface SkippedFile {
  file: string;
  reason: string;
  hash?: string;
}

/** A parsed document with the content hash of its file (so an unchanged file is not parsed again). */
export interface LoadedDocument extends ParsedDocument {
  hash: string;
}

/** SHA-256 of a file's bytes: a document's identity whatever its name. */
export function contentHash(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** The document files of a corpus directory that can be read (regular files inside it), sorted by name. */
export function listDocumentFiles(dir: string): string[] {
  return scanCorpus(dir).files;
}

/** The manifest entries of a corpus directory (empty when it has no manifest.json file). */
export function readManifest(dir: string): Map<string, Partial<DocumentMeta>> {
  const path = join(dir, MANIFEST_FILE);
  return statSync(path, { throwIfNoEntry: false })?.isFile()
    ? parseManifest(readFileSync(path, "utf8"), path)
    : new Map();
}

/** Extracts and parses a document's bytes here, in this thread; throws AppError with the reason when it cannot. */
export async function parseDocumentBytes(
  bytes: Uint8Array,
  file: string,
  given: Partial<DocumentMeta> = {},
  limits: DocumentLimits = DOCUMENT_LIMITS,
): Promise<ParsedDocument> {
  const { text, meta, map } = await extractText(bytes, file, limits);
  const doc = parseDocument(file, text, { ...meta, ...given }, map);
  if (doc.passages.length === 0)
    throw new AppError("NO_TEXT", `${file}: no text left after cleaning`, { file });
  if (doc.passages.length > limits.passages)
    throw new AppError(
      "TOO_LARGE",
      `${file}: ${doc.passages.length} sentences, more than ${limits.passages} — split it into several files`,
      { file },
    );
  return doc;
}

/** Reads and parses one document file in this thread; throws AppError with the reason when it cannot. */
export async function loadDocument(
  dir: string,
  file: string,
  given: Partial<DocumentMeta> = {},
): Promise<LoadedDocument> {
  const bytes = readRegularFile(join(dir, file), file);
  return { ...(await parseDocumentBytes(bytes, file, given)), hash: contentHash(bytes) };
}

/** The error for a corpus directory without one readable document, naming why each file was left out. */
export function emptyCorpusError(dir: string, skipped: SkippedFile[]): AppError {
  const why = skipped.length ? ` (${skipped.map((s) => `${s.file}: ${s.reason}`).join("; ")})` : "";
  return new AppError(
    "CORPUS_EMPTY",
    `no readable documents under ${dir}${why} — add ${supportedExtensions().join("/")} files`,
  );
}

/**
 * A file's content hash; its size and time for a file over `maxMb` (it is refused unread, so hashing it on every
 * re-index would cost more than it tells); "-" when it is missing or not a regular file.
 */
function fileHash(path: string, name: string, maxMb: number): string {
  try {
    return contentHash(readRegularFile(path, name, maxMb));
  } catch (e) {
    if (!(e instanceof AppError) || e.code !== "TOO_LARGE") return "-";
    const stat = statSync(path);
    return `${stat.size}:${stat.mtimeMs}`;
  }
}

/**
 * Identity of a corpus directory's content: every document file's name and content hash, plus the manifest
 * and the directory's synonym and place tables. Equal fingerprints mean an index built from one fits the other.
 */
export function corpusFingerprint(dir: string, maxMb = DOCUMENT_LIMITS.fileMb): string {
  const h = createHash("sha256");
  for (const file of listDocumentFiles(dir)) h.update(`${file}\0${fileHash(join(dir, file), file, maxMb)}\0`);
  for (const extra of CONFIG_FILES) {
    const path = join(dir, extra);
    h.update(`${extra}\0${existsSync(path) ? fileHash(path, extra, Number.POSITIVE_INFINITY) : "-"}\0`);
  }
  return h.digest("hex");
}
