import { readFileSync, statSync } from "node:fs";
import { basename } from "node:path";
import { AppError, type ErrorCode } from "../errors.js";
import { extractText, isSupported, supportedExtensions } from "./extract.js";
import { compactMeta } from "./extract-date.js";
import {
  type CorpusState,
  freeName,
  type ManifestEntry,
  openCorpus,
  storeDocument,
} from "./ingest-corpus.js";
import { expandInputs } from "./ingest-inputs.js";
import { contentHash } from "./load.js";
import { parseDocument } from "./parse-document.js";
import type { DocumentMeta } from "./types.js";

/** Metadata given on the command line; it wins over the document's own and over what the text shows. */
export interface IngestMeta {
  title?: string;
  publisher?: string;
  /** YYYY, YYYY-MM or YYYY-MM-DD. */
  date?: string;
  url?: string;
}

/** Where to ingest, the size limit, metadata for every file of the batch, and the clock for the manifest note. */
export interface IngestOptions {
  corpusDir: string;
  maxDocMb: number;
  meta?: IngestMeta;
  clock: () => Date;
}

/** A file copied into the corpus: `doc` is its name there, the metadata what the manifest now says. */
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

/** Reads a file and checks what can be checked before extraction: existence, type, size, emptiness, duplicates. */
function readChecked(path: string, name: string, corpus: CorpusState, maxDocMb: number): Uint8Array {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat?.isFile()) fail("INPUT_INVALID", `${name}: no such file — check the path`, name);
  if (!isSupported(name))
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
  if (same)
    fail("DUPLICATE", `${name}: same content as ${same}, already in the corpus — nothing to add`, name);
  return bytes;
}

/** Extracts and parses fully before anything is written: a file that yields no passage is refused. */
async function prepare(
  path: string,
  doc: string,
  corpus: CorpusState,
  options: IngestOptions,
): Promise<Prepared> {
  const name = basename(path);
  const bytes = readChecked(path, name, corpus, options.maxDocMb);
  const extracted = await extractText(bytes, name);
  const given = { ...extracted.meta, ...compactMeta({ ...options.meta }) };
  const parsed = parseDocument(doc, extracted.text, given);
  if (parsed.passages.length === 0)
    fail("NO_TEXT", `${name}: no text left after cleaning — nothing to ingest`, name);
  return { bytes, meta: parsed.meta };
}

/** The local calendar date of the clock, for the manifest note. */
function today(clock: () => Date): string {
  const d = clock();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The reason of a refusal on one line, without the code and the file name the result already carries. */
function reasonOf(e: AppError, name: string): string {
  const message = e.message.replace(`${e.code}: `, "").replace(/\s*\n\s*/g, " ");
  return message.startsWith(`${name}: `) ? message.slice(name.length + 2) : message;
}

async function ingestOne(file: string, corpus: CorpusState, options: IngestOptions): Promise<IngestResult> {
  try {
    const doc = freeName(corpus, basename(file));
    const { bytes, meta } = await prepare(file, doc, corpus, options);
    const { title, publisher, date, url } = meta;
    const entry: ManifestEntry = {
      file: doc,
      title,
      publisher,
      date,
      url,
      note: `ingested ${today(options.clock)}`,
    };
    storeDocument(corpus, bytes, entry);
    return { file, status: "added", doc, title, publisher, date };
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    return { file, status: "refused", code: e.code, reason: reasonOf(e, basename(file)) };
  }
}

/**
 * Adds files (or every supported file under a directory) to the corpus directory: each is extracted and
 * parsed first, then copied in and recorded in manifest.json, both atomically. One result per file, in order;
 * a missing corpus directory or an invalid manifest throws before anything is touched.
 */
export async function ingestFiles(inputs: string[], options: IngestOptions): Promise<IngestResult[]> {
  const date = options.meta?.date;
  if (date !== undefined && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(date))
    throw new AppError(
      "INPUT_INVALID",
      `date "${date}" is not YYYY, YYYY-MM or YYYY-MM-DD — write it that way`,
    );
  if (!(options.maxDocMb > 0))
    throw new AppError(
      "INPUT_INVALID",
      `size limit ${options.maxDocMb} MB must be a positive number of megabytes`,
    );
  const corpus = openCorpus(options.corpusDir);
  const results: IngestResult[] = [];
  for (const file of expandInputs(inputs)) results.push(await ingestOne(file, corpus, options));
  return results;
}
