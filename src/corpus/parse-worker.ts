/**
 * The worker thread that parses untrusted documents, one job at a time: its heap is capped by the reader that
 * starts it and it is terminated when a parse takes too long, so a hostile file costs this thread, not the bot.
 */
import { parentPort } from "node:worker_threads";
import { AppError } from "../errors.js";
import { parseDocumentBytes } from "./load.js";
import type { ParseJob, ParseResult } from "./parse-messages.js";

async function parse(job: ParseJob): Promise<ParseResult> {
  try {
    return {
      id: job.id,
      ok: true,
      doc: await parseDocumentBytes(job.bytes, job.file, job.given, job.limits),
    };
  } catch (e) {
    if (e instanceof AppError) return { id: job.id, ok: false, code: e.code, message: e.message };
    // a library tripping over a hostile file (a stack overflow, a bad offset) refuses the file, not the corpus
    const why = e instanceof Error ? e.message : String(e);
    return {
      id: job.id,
      ok: false,
      code: "UNDECODABLE",
      message: `UNDECODABLE: ${job.file}: could not be read (${why})`,
    };
  }
}

parentPort?.on("message", (job: ParseJob) => {
  void parse(job).then((result) => parentPort?.postMessage(result));
});
