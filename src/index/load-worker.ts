/**
 * The worker thread of a corpus build: reads, cleans and segments the files it is given, in order, and posts
 * each document back with its passages' search tokens (the main thread indexes them meanwhile).
 */

import { join } from "node:path";
import { parentPort, workerData } from "node:worker_threads";
import { contentHash, parseDocumentBytes } from "../corpus/load.js";
import { readRegularFile } from "../corpus/read-regular-file.js";
import { AppError } from "../errors.js";
import { loadSegmenter } from "../text/segment.js";
import type { LoadJob, LoadMessage } from "./build-index.js";
import { searchTokens } from "./tokens.js";

function post(message: LoadMessage): void {
  parentPort?.postMessage(message);
}

async function run(job: LoadJob): Promise<void> {
  loadSegmenter();
  const manifest = new Map(job.manifest);
  for (const file of job.files) {
    let hash: string | undefined;
    try {
      const bytes = readRegularFile(join(job.dir, file), file, job.limits.fileMb);
      hash = contentHash(bytes);
      const parsed = await parseDocumentBytes(bytes, file, manifest.get(file) ?? {}, job.limits);
      const doc = { ...parsed, hash };
      post({ type: "doc", doc, tokens: doc.passages.map((p) => searchTokens(p.norm)) });
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      post({ type: "skip", file, reason: e.message, ...(hash ? { hash } : {}) });
    }
  }
  post({ type: "done" });
}

run(workerData as LoadJob).catch((e: unknown) => {
  post({ type: "failed", message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
});
