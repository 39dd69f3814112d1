import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { AppError } from "../errors.js";
import { CONFIG_FILES, isDocumentName } from "./corpus-files.js";
import { extractText, supportedExtensions } from "./extract.js";
import { MANIFEST_FILE, parseManifest } from "./manifest.js";
import { parseDocument } from "./parse-document.js";
import type { DocumentMeta, ParsedDocument } from "./types.js";

/** A file that could not be read, with the reason. */
export interface SkippedFile {
  file: string;
  reason: string;
}

/** A parsed document with the content hash of its file (so an unchanged file is not parsed again). */
export interface LoadedDocument extends ParsedDocument {
  hash: string;
}

/** SHA-256 of a file's bytes: a document's identity whatever its name. */
export function contentHash(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** The document files of a corpus directory, sorted by name. */
export function listDocumentFiles(dir: string): string[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    throw new AppError(
      "CORPUS_MISSING",
      `corpus directory ${dir} does not exist — create it or set CORPUS_DIR`,
    );
  return readdirSync(dir).filter(isDocumentName).sort();
}

/** The manifest entries of a corpus directory (empty when it has no manifest.json). */
export function readManifest(dir: string): Map<string, Partial<DocumentMeta>> {
  const path = join(dir, MANIFEST_FILE);
  return existsSync(path) ? parseManifest(readFileSync(path, "utf8"), path) : new Map();
}

/** Reads and parses one document file; throws AppError with the reason when it cannot. */
export async function loadDocument(
  dir: string,
  file: string,
  given: Partial<DocumentMeta> = {},
): Promise<LoadedDocument> {
  const bytes = readFileSync(join(dir, file));
  const { text, meta, map } = await extractText(bytes, file);
  const doc = parseDocument(file, text, { ...meta, ...given }, map);
  if (doc.passages.length === 0)
    throw new AppError("NO_TEXT", `${file}: no text left after cleaning`, { file });
  return { ...doc, hash: contentHash(bytes) };
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
 * Identity of a corpus directory's content: every document file's name and content hash, plus the manifest
 * and the directory's synonym and place tables. Equal fingerprints mean an index built from one fits the other.
 */
export function corpusFingerprint(dir: string): string {
  const h = createHash("sha256");
  for (const file of listDocumentFiles(dir))
    h.update(`${file}\0${contentHash(readFileSync(join(dir, file)))}\0`);
  for (const extra of CONFIG_FILES) {
    const path = join(dir, extra);
    h.update(`${extra}\0${existsSync(path) ? contentHash(readFileSync(path)) : "-"}\0`);
  }
  return h.digest("hex");
}
