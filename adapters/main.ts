import { parseConfig } from "../src/config.js";
import { watchCorpus } from "../src/corpus/watch.js";
import type { Engine } from "../src/engine.js";
import { AppError } from "../src/errors.js";
import { runConsoleChat } from "./console/chat.js";
import { openEngine } from "./open-engine.js";
import { startSlack } from "./slack/start.js";
import { startTelegram } from "./telegram/start.js";

/** A running platform adapter. */
interface Running {
  name: string;
  stop(): Promise<void>;
}

/** Reads .env when there is one; variables already set in the environment win. */
function loadDotEnv(): void {
  try {
    process.loadEnvFile(".env");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
  }
}

/** Re-indexes the corpus directory after a change and logs what changed (a bad file is logged, not fatal). */
async function syncAndLog(engine: Engine): Promise<void> {
  try {
    const c = await engine.sync();
    for (const [what, files] of [
      ["added", c.added],
      ["updated", c.updated],
      ["removed", c.removed],
    ] as const)
      if (files.length) console.error(`corpus: ${what} ${files.join(", ")}`);
    for (const s of c.skipped) console.error(`corpus: skipped ${s.file}: ${s.reason}`);
  } catch (e) {
    console.error(`corpus: re-index failed: ${e instanceof AppError ? e.message : (e as Error).stack}`);
  }
}

/** `npm start`: the configured chat adapters, or a terminal chat over the corpus when no token is set. */
async function main(): Promise<void> {
  loadDotEnv();
  const config = parseConfig(process.env);
  const engine = await openEngine(config);
  for (const s of engine.skipped) console.error(`skipped ${s.file}: ${s.reason}`);
  const watcher = watchCorpus(config.CORPUS_DIR, () => syncAndLog(engine));
  const running: Running[] = [];
  if (config.TELEGRAM_BOT_TOKEN) running.push({ name: "telegram", ...(await startTelegram(engine, config)) });
  if (config.SLACK_BOT_TOKEN) running.push({ name: "slack", ...(await startSlack(engine, config)) });
  if (running.length === 0) {
    await runConsoleChat(engine, process.stdin, process.stdout, { color: Boolean(process.stdout.isTTY) });
    watcher.close();
    return;
  }
  const stop = async (signal: string) => {
    console.error(`${signal}: stopping ${running.map((r) => r.name).join(", ")}`);
    watcher.close();
    await Promise.allSettled(running.map((r) => r.stop()));
    process.exit(0);
  };
  process.once("SIGINT", () => void stop("SIGINT"));
  process.once("SIGTERM", () => void stop("SIGTERM"));
}

main().catch((e: unknown) => {
  console.error(e instanceof AppError ? e.message : `unexpected error: ${(e as Error).stack ?? e}`);
  process.exit(1);
});
