import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { extname, join } from "node:path";
import { AppError } from "../errors.js";
import { isDocumentName, isReservedName } from "./corpus-files.js";
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

/** What ingestion needs to know about the corpus directory: the content already there and the names taken. */
export interface CorpusState {
  dir: string;
  /** Content hash → file name, for every document file of the directory. */
  hashes: Map<string, string>;
  /** Every name in the directory or the manifest, which a new file must not take. */
  names: Set<string>;
}

/** Reads the corpus directory once per batch; a missing directory or broken manifest stops the batch. */
export function openCorpus(dir: string): CorpusState {
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    throw new AppError(
      "CORPUS_MISSING",
      `corpus directory ${dir} does not exist — create it or set CORPUS_DIR`,
    );
  const manifestPath = join(dir, MANIFEST_FILE);
  const manifest = existsSync(manifestPath)
    ? parseManifest(readFileSync(manifestPath, "utf8"), manifestPath)
    : new Map();
  const names = new Set<string>([...readdirSync(dir), ...manifest.keys()]);
  const hashes = new Map<string, string>();
  for (const name of [...names].sort()) {
    const path = join(dir, name);
    if (!isDocumentName(name) || !existsSync(path)) continue;
    if (statSync(path).isFile()) hashes.set(contentHash(readFileSync(path)), name);
  }
  return { dir, hashes, names };
}

/** A name for a new file that clashes with nothing in the corpus: "report.pdf", else "report-2.pdf"… */
export function freeName(corpus: CorpusState, wanted: string): string {
  const base = wanted.replace(/^\.+/, "") || "document";
  if (!corpus.names.has(base) && !isReservedName(base)) return base;
  const ext = extname(base);
  const stem = base.slice(0, base.length - ext.length);
  for (let n = 2; ; n++) {
    const name = `${stem}-${n}${ext}`;
    if (!corpus.names.has(name)) return name;
  }
}

/** Writes a file under a hidden temporary name and renames it into place, so no reader sees half a file. */
function writeAtomic(dir: string, name: string, data: Uint8Array | string): void {
  const tmp = join(dir, `.${name}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, join(dir, name));
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

/** The manifest with one more entry, validated by the same schema the loader uses. */
function manifestWith(dir: string, entry: ManifestEntry): string {
  const path = join(dir, MANIFEST_FILE);
  const current = existsSync(path) ? JSON.parse(readFileSync(path, "utf8")) : { documents: [] };
  current.documents = [...current.documents.filter((d: { file: string }) => d.file !== entry.file), entry];
  const json = `${JSON.stringify(current, null, 2)}\n`;
  parseManifest(json, path);
  return json;
}

/** Copies a document into the corpus and records it in the manifest; if the manifest fails, the copy is removed. */
export function storeDocument(corpus: CorpusState, bytes: Uint8Array, entry: ManifestEntry): void {
  const json = manifestWith(corpus.dir, entry);
  writeAtomic(corpus.dir, entry.file, bytes);
  try {
    writeAtomic(corpus.dir, MANIFEST_FILE, json);
  } catch (e) {
    rmSync(join(corpus.dir, entry.file), { force: true });
    throw e;
  }
  corpus.names.add(entry.file);
  corpus.hashes.set(contentHash(bytes), entry.file);
}
