import { extname, join } from "node:path";
import { Worker } from "node:worker_threads";
import { AppError, type ErrorCode } from "../errors.js";
import { type DocumentLimits, resolveLimits } from "./document-limits.js";
import { contentHash, type LoadedDocument, parseDocumentBytes, type SkippedFile } from "./load.js";
import type { ParseJob, ParseResult } from "./parse-messages.js";
import { readRegularFile } from "./read-regular-file.js";
import type { DocumentMeta, ParsedDocument } from "./types.js";

/** Kinds whose parse is linear in their size: small files of these are parsed in this thread. */
const LINEAR_KINDS = new Set([".txt", ".md"]);
/** A worker left idle this long is stopped (its libraries hold memory); the next document starts another. */
const IDLE_MS = 10_000;

/** Reads corpus files within the document limits, remembering the files it refused. */
export interface DocumentReader {
  /**
   * Reads and parses a corpus file: a small text file in this thread, anything else in a worker whose heap
   * and time are capped. Throws AppError with the reason; a file refused before with the same content is
   * refused again without being parsed.
   */
  read(dir: string, file: string, given?: Partial<DocumentMeta>): Promise<LoadedDocument>;
  /** Remembers refusals made elsewhere (a snapshot's skipped files), so they are not parsed again either. */
  remember(skipped: SkippedFile[]): void;
  /** The limits it holds documents to. */
  limits: DocumentLimits;
  /** How many documents it has parsed (a remembered refusal is not parsed again). */
  readonly parses: number;
  /** Stops the worker, if one is running. */
  close(): Promise<void>;
}

/** The refusal a parse worker's message or death stands for (a message may carry its code already). */
function refusal(code: ErrorCode, file: string, message: string, hash?: string): AppError {
  const text = message.startsWith(`${code}: `) ? message.slice(code.length + 2) : message;
  return new AppError(code, text, hash ? { file, hash } : { file });
}

/** A refused file as the corpus lists it: the reason, and the content hash that lets it be remembered. */
export function skippedFile(file: string, e: AppError): SkippedFile {
  const hash = e.detail?.hash;
  return typeof hash === "string" ? { file, reason: e.message, hash } : { file, reason: e.message };
}

/** A reader with the given limits (the rest default: src/corpus/document-limits.ts). */
export function createDocumentReader(given: Partial<DocumentLimits> = {}): DocumentReader {
  const limits = resolveLimits(given);
  const refused = new Map<string, { code: ErrorCode; message: string }>();
  let worker: Worker | null = null;
  let idle: NodeJS.Timeout | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  let jobs = 0;

  const stop = (w: Worker) => {
    if (worker === w) worker = null;
    void w.terminate();
  };

  const inWorker = (job: ParseJob): Promise<ParsedDocument> =>
    new Promise((resolve, reject) => {
      if (idle) clearTimeout(idle);
      const w =
        worker ??
        new Worker(new URL("./parse-worker.mjs", import.meta.url), {
          resourceLimits: { maxOldGenerationSizeMb: limits.parseMemoryMb },
        });
      worker = w;
      w.ref();
      const settle = (outcome: () => void) => {
        clearTimeout(timer);
        w.off("message", onMessage).off("error", onError).off("exit", onExit);
        w.unref();
        if (worker === w) idle = setTimeout(() => stop(w), IDLE_MS).unref();
        outcome();
      };
      const timer = setTimeout(() => {
        stop(w);
        settle(() =>
          reject(
            refusal(
              "TOO_LARGE",
              job.file,
              `${job.file}: took longer than ${limits.parseSeconds} s to read — not read`,
            ),
          ),
        );
      }, limits.parseSeconds * 1000);
      const onMessage = (r: ParseResult) => {
        if (r.id !== job.id) return;
        settle(() => (r.ok ? resolve(r.doc) : reject(refusal(r.code, job.file, r.message))));
      };
      const onError = (e: Error & { code?: string }) => {
        stop(w);
        const why =
          e.code === "ERR_WORKER_OUT_OF_MEMORY"
            ? `needs more than ${limits.parseMemoryMb} MB to read`
            : `stopped the parser (${e.message})`;
        settle(() => reject(refusal("TOO_LARGE", job.file, `${job.file}: ${why} — not read`)));
      };
      const onExit = () => onError(new Error("the parser exited"));
      w.on("message", onMessage).on("error", onError).on("exit", onExit);
      w.postMessage(job, [job.bytes.buffer as ArrayBuffer]);
    });

  let parses = 0;
  const parse = async (bytes: Uint8Array, file: string, meta: Partial<DocumentMeta>) => {
    parses++;
    if (LINEAR_KINDS.has(extname(file).toLowerCase()) && bytes.byteLength <= limits.inProcessKb * 1024)
      return parseDocumentBytes(bytes, file, meta, limits);
    return inWorker({ id: ++jobs, file, bytes, given: meta, limits });
  };

  const read = async (dir: string, file: string, meta: Partial<DocumentMeta> = {}) => {
    const bytes = readRegularFile(join(dir, file), file, limits.fileMb);
    const hash = contentHash(bytes);
    const key = `${file}\0${hash}`;
    const known = refused.get(key);
    if (known) throw refusal(known.code, file, known.message, hash);
    try {
      return { ...(await parse(bytes, file, meta)), hash };
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      refused.set(key, { code: e.code, message: e.message });
      throw refusal(e.code, file, e.message, hash);
    }
  };

  return {
    limits,
    get parses() {
      return parses;
    },
    read: (dir, file, meta) => {
      const next = queue.then(() => read(dir, file, meta));
      queue = next.catch(() => undefined);
      return next;
    },
    remember: (skipped) => {
      for (const s of skipped) {
        const code = /^([A-Z_]+): /.exec(s.reason)?.[1] as ErrorCode | undefined;
        if (s.hash && code) refused.set(`${s.file}\0${s.hash}`, { code, message: s.reason });
      }
    },
    close: async () => {
      if (idle) clearTimeout(idle);
      if (worker) await worker.terminate();
      worker = null;
    },
  };
}
