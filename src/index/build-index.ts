import { statSync } from "node:fs";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { scanCorpus } from "../corpus/corpus-entries.js";
import type { DocumentLimits } from "../corpus/document-limits.js";
import { createDocumentReader, type DocumentReader, skippedFile } from "../corpus/document-reader.js";
import { emptyCorpusError, type LoadedDocument, readManifest, type SkippedFile } from "../corpus/load.js";
import type { DocumentMeta } from "../corpus/types.js";
import { AppError } from "../errors.js";
import { workerScript } from "../worker-script.js";
import { addDocuments, type CorpusIndex, type IndexInput } from "./corpus-index.js";

/** What the loading worker is given: the files to read, in order, and their manifest entries. */
export interface LoadJob {
  dir: string;
  files: string[];
  manifest: Array<[string, Partial<DocumentMeta>]>;
  limits: DocumentLimits;
}

/** What the loading worker posts back, in file order. */
export type LoadMessage =
  | { type: "doc"; doc: LoadedDocument; tokens: string[][] }
  | { type: "skip"; file: string; reason: string; hash?: string }
  | { type: "failed"; message: string }
  | { type: "done" };

export interface IndexCorpusOptions {
  /**
   * Corpora of at least this many bytes are read in a worker thread (it loads its own copy of jieba's
   * dictionaries, ~1 s and ~300 MB while the build runs, so small corpora are read here). Default 4 MB.
   */
  workerMinBytes?: number;
  /** Told after each file is read (indexed or skipped), with how many of how many: for a progress line. */
  onProgress?: (done: number, total: number) => void;
  /** What reads each file, within the document limits (default: a reader with the default limits). */
  reader?: DocumentReader;
}

/** Heap the loading worker may use beyond one document's: jieba's dictionaries and the documents in flight. */
const LOAD_WORKER_BASE_MB = 768;

const WORKER_MIN_BYTES = 4 * 2 ** 20;

/**
 * Reads a corpus directory into an index. On a large corpus a worker thread reads, cleans and segments the
 * files while this thread indexes what it has sent (the two halves of a build take about as long each, so a
 * second core nearly halves it). Should the worker fail to start or stop midway, the files it has not
 * delivered are read by the reader (a document that killed or stalled the worker is then refused by the
 * reader's own limits): the result is the same index either way. Entries that are not regular files inside
 * the directory are skipped. Throws CORPUS_MISSING / CORPUS_EMPTY.
 */
export async function indexCorpus(
  dir: string,
  ix: CorpusIndex,
  options: IndexCorpusOptions = {},
): Promise<{ skipped: SkippedFile[]; notes: string[]; worker: boolean }> {
  const { files, skipped: entries } = scanCorpus(dir);
  const skipped: SkippedFile[] = [...entries];
  const manifest = readManifest(dir);
  const reader = options.reader ?? createDocumentReader();
  const notes: string[] = [];
  let indexed = 0;
  let read = 0;
  const progress = () => options.onProgress?.(++read, files.length);
  const add = (doc: IndexInput & { notes?: string[] }) => {
    addDocuments(ix, [doc]);
    for (const note of doc.notes ?? []) notes.push(`${doc.meta.doc}: ${note}`);
    indexed++;
  };
  const take = (m: LoadMessage) => {
    if (m.type === "doc") {
      add({ ...m.doc, tokens: m.tokens });
    } else if (m.type === "skip")
      skipped.push(
        m.hash ? { file: m.file, reason: m.reason, hash: m.hash } : { file: m.file, reason: m.reason },
      );
    progress();
  };
  const bytes = files.reduce((sum, f) => sum + statSync(join(dir, f)).size, 0);
  let done = 0;
  let worker = false;
  if (bytes >= (options.workerMinBytes ?? WORKER_MIN_BYTES)) {
    done = await inWorker({ dir, files, manifest: [...manifest], limits: reader.limits }, take);
    worker = done > 0;
  }
  for (const file of files.slice(done)) {
    try {
      add(await reader.read(dir, file, manifest.get(file) ?? {}));
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      skipped.push(skippedFile(file, e));
    }
    progress();
  }
  if (!options.reader) await reader.close();
  if (indexed === 0) throw emptyCorpusError(dir, skipped);
  return { skipped, notes, worker };
}

/**
 * Runs the job in a worker; resolves with how many files it delivered (all of them, unless it failed). A
 * worker that sends nothing for longer than one document may take is stopped, as is one over its heap.
 */
function inWorker(job: LoadJob, take: (m: LoadMessage) => void): Promise<number> {
  return new Promise((resolve, reject) => {
    let delivered = 0;
    let settled = false;
    const w = new Worker(workerScript("load-worker", import.meta.url), {
      workerData: job,
      resourceLimits: { maxOldGenerationSizeMb: LOAD_WORKER_BASE_MB + job.limits.parseMemoryMb },
    });
    let stall = setTimeout(() => finish(), job.limits.parseSeconds * 1000);
    const finish = (error?: unknown) => {
      if (settled) return;
      settled = true;
      clearTimeout(stall);
      void w.terminate();
      if (error) reject(error);
      else resolve(delivered);
    };
    w.on("message", (m: LoadMessage) => {
      if (settled) return;
      if (m.type === "done" || m.type === "failed") return finish();
      clearTimeout(stall);
      stall = setTimeout(() => finish(), job.limits.parseSeconds * 1000);
      try {
        take(m);
        delivered++;
      } catch (e) {
        finish(e);
      }
    });
    // A worker that cannot start or dies leaves the rest of the files to this thread.
    w.on("error", () => finish());
    w.on("exit", () => finish());
  });
}
