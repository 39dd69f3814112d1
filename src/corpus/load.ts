import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { AppError } from "../errors.js";
import { decodeDocument } from "./decode.js";
import { MANIFEST_FILE, parseManifest } from "./manifest.js";
import { parseDocument } from "./parse-document.js";
import type { ParsedDocument } from "./types.js";

/** Files of the corpus directory that configure it rather than being documents. */
const CONFIG_FILES = new Set(["synonyms.txt", "places.txt"]);

/** File types the corpus reads as text. */
export const TEXT_EXTENSIONS = [".txt", ".md"];

/** A file that could not be read, with the reason. */
export interface SkippedFile {
  file: string;
  reason: string;
}

/** The documents of a corpus directory, and the files left out with why. */
export interface LoadedCorpus {
  documents: ParsedDocument[];
  skipped: SkippedFile[];
}

/** Reads every text document of a directory (with its manifest, if any) and parses it. */
export function loadCorpus(dir: string): LoadedCorpus {
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    throw new AppError(
      "CORPUS_MISSING",
      `corpus directory ${dir} does not exist — create it or set CORPUS_DIR`,
    );
  const manifestPath = join(dir, MANIFEST_FILE);
  const manifest = existsSync(manifestPath)
    ? parseManifest(readFileSync(manifestPath, "utf8"), manifestPath)
    : new Map();
  const documents: ParsedDocument[] = [];
  const skipped: SkippedFile[] = [];
  for (const file of readdirSync(dir).sort()) {
    if (!TEXT_EXTENSIONS.some((ext) => file.toLowerCase().endsWith(ext)) || CONFIG_FILES.has(file)) continue;
    try {
      const { text } = decodeDocument(readFileSync(join(dir, file)), file);
      const doc = parseDocument(file, text, manifest.get(file) ?? {});
      if (doc.passages.length === 0) skipped.push({ file, reason: "no text left after cleaning" });
      else documents.push(doc);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      skipped.push({ file, reason: e.message });
    }
  }
  if (documents.length === 0) {
    const why = skipped.length ? ` (${skipped.map((s) => `${s.file}: ${s.reason}`).join("; ")})` : "";
    throw new AppError(
      "CORPUS_EMPTY",
      `no readable documents under ${dir}${why} — add UTF-8 or GBK .txt/.md files`,
    );
  }
  return { documents, skipped };
}
