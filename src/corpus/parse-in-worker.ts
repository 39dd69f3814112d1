import { Worker } from "node:worker_threads";
import { AppError } from "../errors.js";
import { workerScript } from "../worker-script.js";
import type { DocumentLimits } from "./document-limits.js";
import type { ParseJob, ParseResult } from "./parse-messages.js";
import type { ParsedDocument } from "./types.js";

/** A worker left idle this long is stopped (its libraries hold memory); the next document starts another. */
const IDLE_MS = 10_000;

/** The parse worker as this thread sees it: one document at a time, within the time and heap limits. */
export interface ParseWorker {
  /** Parses a document in the worker; rejects with an AppError carrying the worker's refusal or its death. */
  parse(job: ParseJob): Promise<ParsedDocument>;
  /** Stops the worker, if one is running. */
  close(): Promise<void>;
}

/** The refusal a parse worker's message or death stands for (a message may carry its code already). */
export function refusal(code: AppError["code"], file: string, message: string, hash?: string): AppError {
  const text = message.startsWith(`${code}: `) ? message.slice(code.length + 2) : message;
  return new AppError(code, text, hash ? { file, hash } : { file });
}

/** Why a worker that died while parsing `file` did: over its heap, or another failure. */
function deathReason(e: Error & { code?: string }, file: string, limits: DocumentLimits): AppError {
  const why =
    e.code === "ERR_WORKER_OUT_OF_MEMORY"
      ? `needs more than ${limits.parseMemoryMb} MB to read`
      : `stopped the parser (${e.message})`;
  return refusal("TOO_LARGE", file, `${file}: ${why} — not read`);
}

/**
 * A parse worker started on first use, with its heap capped at `parseMemoryMb`; a parse that takes longer than
 * `parseSeconds` terminates it. It keeps the process alive only while it parses, and stops when left idle.
 * Jobs must not overlap (the caller queues them).
 */
export function createParseWorker(limits: DocumentLimits): ParseWorker {
  let worker: Worker | null = null;
  let idle: NodeJS.Timeout | null = null;
  const stop = (w: Worker) => {
    if (worker === w) worker = null;
    void w.terminate();
  };
  const start = () =>
    new Worker(workerScript("parse-worker", import.meta.url), {
      resourceLimits: { maxOldGenerationSizeMb: limits.parseMemoryMb },
    });
  const parse = (job: ParseJob) =>
    new Promise<ParsedDocument>((resolve, reject) => {
      if (idle) clearTimeout(idle);
      const w = worker ?? start();
      worker = w;
      w.ref();
      const settle = (outcome: () => void) => {
        clearTimeout(timer);
        w.off("message", onMessage).off("error", onError).off("exit", onExit);
        w.unref();
        if (worker === w) idle = setTimeout(() => stop(w), IDLE_MS).unref();
        outcome();
      };
      const slow = `${job.file}: took longer than ${limits.parseSeconds} s to read — not read`;
      const timer = setTimeout(() => {
        stop(w);
        settle(() => reject(refusal("TOO_LARGE", job.file, slow)));
      }, limits.parseSeconds * 1000);
      const onMessage = (r: ParseResult) => {
        if (r.id !== job.id) return;
        settle(() => (r.ok ? resolve(r.doc) : reject(refusal(r.code, job.file, r.message))));
      };
      const onError = (e: Error & { code?: string }) => {
        stop(w);
        settle(() => reject(deathReason(e, job.file, limits)));
      };
      const onExit = () => onError(new Error("the parser exited"));
      w.on("message", onMessage).on("error", onError).on("exit", onExit);
      w.postMessage(job, [job.bytes.buffer as ArrayBuffer]);
    });
  return {
    parse,
    close: async () => {
      if (idle) clearTimeout(idle);
      const w = worker;
      worker = null;
      if (w) await w.terminate();
    },
  };
}
