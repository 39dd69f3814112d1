import { extname, join } from "node:path";
import { AppError, type ErrorCode } from "../errors.js";
import { type DocumentLimits, resolveLimits } from "./document-limits.js";
import { contentHash, type LoadedDocument, parseDocumentBytes, type SkippedFile } from "./load.js";
import { createParseWorker, refusal } from "./parse-in-worker.js";
import { readRegularFile } from "./read-regular-file.js";
import type { DocumentMeta, ParsedDocument } from "./types.js";

/** Kinds whose parse is linear in their size: small files of these are parsed in this thread. */
const LINEAR_KINDS = new Set([".txt", ".md"]);

/** Reads corpus files within the document limits, remembering the files it refused. */
export interface DocumentReader {
  /**
   * Reads and parses a corpus file: a small text file in this thread, anything else in a worker whose heap
   * and time are capped. Throws AppError with the reason; a file refused before with the same content is
   * refused again without being parsed.
   */
  read(dir: string, file: string, given?: Partial<DocumentMeta>): Promise<LoadedDocument>;
  /**
   * Parses bytes read elsewhere (a file being ingested) the same way, within the same limits: `file` names
   * the kind and the refusals. Throws AppError with the reason.
   */
  parseBytes(bytes: Uint8Array, file: string, given?: Partial<DocumentMeta>): Promise<ParsedDocument>;
  /** Remembers refusals made elsewhere (a snapshot's skipped files), so they are not parsed again either. */
  remember(skipped: SkippedFile[]): void;
  /** The limits it holds documents to. */
  limits: DocumentLimits;
  /** How many documents it has parsed (a remembered refusal is not parsed again). */
  readonly parses: number;
  /** Stops the worker, if one is running. */
  close(): Promise<void>;
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
  const worker = createParseWorker(limits);
  let queue: Promise<unknown> = Promise.resolve();
  let jobs = 0;
  let parses = 0;
  const parse = async (bytes: Uint8Array, file: string, meta: Partial<DocumentMeta>) => {
    parses++;
    if (LINEAR_KINDS.has(extname(file).toLowerCase()) && bytes.byteLength <= limits.inProcessKb * 1024)
      return parseDocumentBytes(bytes, file, meta, limits);
    return worker.parse({ id: ++jobs, file, bytes, given: meta, limits });
  };

  // One document at a time: the worker parses one, and a refusal is remembered before the next is read.
  const inTurn = <T>(run: () => Promise<T>): Promise<T> => {
    const next = queue.then(run);
    queue = next.catch(() => undefined);
    return next;
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
    read: (dir, file, meta) => inTurn(() => read(dir, file, meta)),
    // A copy goes to the parse: the worker takes the bytes it is sent, and the caller still needs its own.
    parseBytes: (bytes, file, meta = {}) => inTurn(() => parse(bytes.slice(), file, meta)),
    remember: (skipped) => {
      for (const s of skipped) {
        const code = /^([A-Z_]+): /.exec(s.reason)?.[1] as ErrorCode | undefined;
        if (s.hash && code) refused.set(`${s.file}\0${s.hash}`, { code, message: s.reason });
      }
    },
    close: () => worker.close(),
  };
}
