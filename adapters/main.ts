import { parseConfig } from "../src/config.js";
import { createEngine } from "../src/engine.js";
import { AppError } from "../src/errors.js";
import { runConsoleChat } from "./console/chat.js";

/** `npm start`: the configured chat adapters, or a terminal chat over the corpus when no token is set. */
async function main(): Promise<void> {
  const config = parseConfig(process.env);
  const engine = createEngine({
    corpusDir: config.CORPUS_DIR,
    synonymFiles: config.SYNONYMS_FILE ? [config.SYNONYMS_FILE] : [],
  });
  for (const s of engine.skipped) console.error(`skipped ${s.file}: ${s.reason}`);
  await runConsoleChat(engine, process.stdin, process.stdout, { color: Boolean(process.stdout.isTTY) });
}

main().catch((e: unknown) => {
  console.error(e instanceof AppError ? e.message : `unexpected error: ${(e as Error).stack ?? e}`);
  process.exit(1);
});
