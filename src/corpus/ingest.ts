import { readFileSync, statSync } from "node:fs";
import { basename } from "node:path";
import { AppError, type ErrorCode } from "../errors.js";
import { withCorpusLock } from "./corpus-lock.js";
import { createDocumentReader, type DocumentReader } from "./document-reader.js";
import { isSupported, supportedExtensions } from "./extract.js";
import { compactMeta } from "./extract-date.js";
import { httpUrl } from "./http-url.js";
import {
  type CorpusState,
  duplicateError,
  type ManifestEntry,
  openCorpus,
  storeDocument,
} from "./ingest-corpus.js";
import { expandInputs } from "./ingest-inputs.js";
import { safeDocumentName } from "./ingest-names.js";
import { contentHash } from "./load.js";
import type { DocumentMeta } from "./types.js";

/** Metadata given on the command line; it wins over the document's own and over what the text shows. */
export interface IngestMeta {
  title?: string;
  publisher?: string;
  /** YYYY, YYYY-MM or YYYY-MM-DD. */
  date?: string;
  /** http(s) only: anything else is refused before the batch starts. */
  url?: string;
}

/** Where to ingest, the size limit, metadata for every file of the batch, and the clock for the manifest note. */
export interface IngestOptions {
  corpusDir: string;
  maxDocMb: number;
  meta?: IngestMeta;
  clock: () => Date;
}

/**
 * A file copied into the corpus: `doc` is its name there (made safe, and free: see ingest-names.ts), the
 * metadata what the manifest now says.
 */
export interface IngestAdded {
  file: string;
  status: "added";
  doc: string;
  title: string | null;
  publisher: string | null;
  date: string | null;
}

/** A file left out, with the code and a one-line reason that says what to do. */
export interface IngestRefused {
  file: string;
  status: "refused";
  code: ErrorCode;
  reason: string;
}

/** The outcome of one file of a batch. */
export type IngestResult = IngestAdded | IngestRefused;

/** A file extracted, parsed and ready to store. */
interface Prepared {
  bytes: Uint8Array;
  meta: DocumentMeta;
}

function fail(code: ErrorCode, message: string, file: string): never {
  throw new AppError(code, message, { file });
}

/**
 * Reads a file and checks what can be checked before extraction: existence, type (by the name it will be
 * stored under), size, emptiness, and content already in the corpus as last read (checked again under the lock).
 */
function readChecked(
  path: string,
  name: string,
  doc: string,
  corpus: CorpusState,
  maxDocMb: number,
): Uint8Array {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat?.isFile()) fail("INPUT_INVALID", `${name}: no such file — check the path`, name);
  if (!isSupported(doc))
    fail(
      "UNSUPPORTED_TYPE",
      `${name}: unsupported file type — use ${supportedExtensions().join(", ")}`,
      name,
    );
  const mb = stat.size / 1024 / 1024;
  if (mb > maxDocMb)
    fail(
      "TOO_LARGE",
      `${name}: ${Number(mb.toPrecision(3))} MB is over the ${maxDocMb} MB limit — split it or raise MAX_DOC_MB`,
      name,
    );
  if (stat.size === 0) fail("NO_TEXT", `${name}: empty file — nothing to ingest`, name);
  const bytes = new Uint8Array(readFileSync(path));
  const same = corpus.hashes.get(contentHash(bytes));
  if (same) throw duplicateError(name, same);
  return bytes;
}

/**
 * Extracts and parses fully before anything is written, within the document limits (a parse worker with time
 * and heap caps, zip and HTML limits: see document-reader.ts): a file that yields no passage is refused.
 */
async function prepare(
  path: string,
  doc: string,
  corpus: CorpusState,
  options: IngestOptions,
  reader: DocumentReader,
): Promise<Prepared> {
  const name = basename(path);
  const bytes = readChecked(path, name, doc, corpus, options.maxDocMb);
  const parsed = await reader.parseBytes(bytes, doc, compactMeta({ ...options.meta }));
  return { bytes, meta: parsed.meta };
}

/** The local calendar date of the clock, for the manifest note. */
function today(clock: () => Date): string {
  const d = clock();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The reason of a refusal on one line, without the code and the file name (as given or as stored). */
function reasonOf(e: AppError, names: string[]): string {
  const message = e.message.replace(`${e.code}: `, "").replace(/\s*\n\s*/g, " ");
  const name = names.find((n) => message.startsWith(`${n}: `));
  return name === undefined ? message : message.slice(name.length + 2);
}

/**
 * Stores a prepared file holding the corpus lock. A file system failure there (no permission, disk full,
 * something odd where the lock goes) stops the batch with the directory and the error's code: every later
 * file would fail the same way.
 */
async function storeLocked(
  corpus: CorpusState,
  bytes: Uint8Array,
  wanted: string,
  entry: Omit<ManifestEntry, "file">,
  clock: () => Date,
): Promise<string> {
  try {
    const lock = { now: () => clock().getTime() };
    return await withCorpusLock(corpus.dir, lock, () => storeDocument(corpus, bytes, wanted, entry));
  } catch (e) {
    if (e instanceof AppError) throw e;
    const why = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new AppError(
      "CORPUS_UNWRITABLE",
      `cannot write into the corpus directory ${corpus.dir} (${why}) — make it writable, free some space, or set CORPUS_DIR`,
    );
  }
}

/** Prepares one file outside the lock (extraction is the slow part), then stores it holding the lock. */
async function ingestOne(
  file: string,
  corpus: CorpusState,
  options: IngestOptions,
  reader: DocumentReader,
): Promise<IngestResult> {
  const name = basename(file);
  const wanted = safeDocumentName(name);
  try {
    const { bytes, meta } = await prepare(file, wanted, corpus, options, reader);
    const { title, publisher, date } = meta;
    const entry = {
      title,
      publisher,
      date,
      url: httpUrl(meta.url),
      note: `ingested ${today(options.clock)}`,
    };
    const doc = await storeLocked(corpus, bytes, wanted, entry, options.clock);
    return { file, status: "added", doc, title, publisher, date };
  } catch (e) {
    if (!(e instanceof AppError) || e.code === "CORPUS_UNWRITABLE") throw e;
    return { file, status: "refused", code: e.code, reason: reasonOf(e, [name, wanted]) };
  }
}

/** The batch-wide mistakes, refused before anything is read: a malformed date or URL, a bad size limit. */
function checkOptions(options: IngestOptions): void {
  const { date, url } = options.meta ?? {};
  if (date !== undefined && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(date))
    throw new AppError(
      "INPUT_INVALID",
      `date ${JSON.stringify(date)} is not YYYY, YYYY-MM or YYYY-MM-DD — write it that way`,
    );
  if (url !== undefined && httpUrl(url) === null)
    throw new AppError(
      "INPUT_INVALID",
      `url ${JSON.stringify(url)} is not an http(s) address — give the page's http:// or https:// address, or leave --url out`,
    );
  if (!(options.maxDocMb > 0))
    throw new AppError(
      "INPUT_INVALID",
      `size limit ${options.maxDocMb} MB must be a positive number of megabytes`,
    );
}

/**
 * Adds files (or every supported file under a directory) to the corpus directory, yielding each file's
 * result as soon as it is known: each is extracted and parsed first, then, holding the corpus lock (other
 * batches and processes may be adding too), copied in under a free name and recorded in manifest.json. A bad
 * option, a missing corpus directory or an invalid manifest throws before anything is touched.
 */
export async function* ingestEach(inputs: string[], options: IngestOptions): AsyncGenerator<IngestResult> {
  checkOptions(options);
  const corpus = openCorpus(options.corpusDir);
  const reader = createDocumentReader({ fileMb: options.maxDocMb });
  try {
    for (const file of expandInputs(inputs)) yield await ingestOne(file, corpus, options, reader);
  } finally {
    await reader.close();
  }
}

/** `ingestEach`, collected: one result per file, in order. */
export async function ingestFiles(inputs: string[], options: IngestOptions): Promise<IngestResult[]> {
  const results: IngestResult[] = [];
  for await (const r of ingestEach(inputs, options)) results.push(r);
  return results;
}
