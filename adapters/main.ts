import { AppError, type Engine, parseConfig, type Store, seenDocuments, watchCorpus } from "../src/mod.js";
import { runConsoleChat } from "./console/chat.js";
import { slackDigestSender, startDigests, telegramDigestSender } from "./digest-runner.js";
import { describeStartup, openEngine } from "./open-engine.js";
import { openStoreSafely } from "./open-store.js";
import { startSlack } from "./slack/start.js";
import { scheduleSnapshots } from "./snapshot-schedule.js";
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

/**
 * Re-indexes the corpus directory after a change, records newly seen documents for the digests, and logs
 * what changed (a bad file is logged, not fatal).
 */
async function syncAndLog(engine: Engine, store: Store | null, changed: () => void): Promise<void> {
  try {
    const c = await engine.sync();
    if (c.added.length + c.updated.length + c.removed.length > 0) changed();
    store?.documents.recordSeen(seenDocuments(engine.index), new Date());
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
  // Snapshots are written by the schedule below: the first one now, before connecting; later ones once a
  // burst of corpus changes has settled.
  const engine = await openEngine(config, "later");
  const snapshots = scheduleSnapshots(engine, (line) => console.error(line));
  snapshots.flush();
  for (const s of engine.skipped) console.error(`skipped ${s.file}: ${s.reason}`);
  console.error(describeStartup(engine));
  const store = openStoreSafely(config.DATA_DIR, seenDocuments(engine.index), (line) => console.error(line));
  const watcher = watchCorpus(config.CORPUS_DIR, () => syncAndLog(engine, store, snapshots.changed));
  const tg = config.TELEGRAM_BOT_TOKEN ? await startTelegram(engine, config, store) : null;
  const sl = config.SLACK_BOT_TOKEN ? await startSlack(engine, config, store) : null;
  const running: Running[] = [];
  if (tg) running.push({ name: "telegram", stop: tg.stop });
  if (sl) running.push({ name: "slack", stop: sl.stop });
  if (running.length === 0) {
    await runConsoleChat(engine, process.stdin, process.stdout, { color: Boolean(process.stdout.isTTY) });
    watcher.close();
    snapshots.flush();
    store?.close();
    return;
  }
  const digests = startDigests({
    engine,
    store,
    log: (line) => console.error(line),
    senders: {
      ...(tg ? { telegram: telegramDigestSender(tg.bot.api) } : {}),
      ...(sl ? { slack: slackDigestSender(sl.app.client) } : {}),
    },
  });
  const stop = async (signal: string) => {
    console.error(`${signal}: stopping ${running.map((r) => r.name).join(", ")}`);
    watcher.close();
    await digests.stop();
    await Promise.allSettled(running.map((r) => r.stop()));
    snapshots.flush();
    store?.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void stop("SIGINT"));
  process.once("SIGTERM", () => void stop("SIGTERM"));
}

main().catch((e: unknown) => {
  console.error(e instanceof AppError ? e.message : `unexpected error: ${(e as Error).stack ?? e}`);
  process.exit(1);
});
