import {
  AppError,
  type Config,
  type DigestChannel,
  type Engine,
  type Platform,
  parseConfig,
  type Store,
  seenDocuments,
  watchCorpus,
} from "../src/mod.js";
import { runConsoleChat } from "./console/chat.js";
import { startDigests } from "./digest-runner.js";
import { Health, healthFile, startHeartbeat } from "./health.js";
import { InFlight } from "./in-flight.js";
import { loadEnv } from "./load-env.js";
import { type Log, lineLog, logFromConfig } from "./log.js";
import { closeEngine, describeStartup, openEngine } from "./open-engine.js";
import { openStoreSafely } from "./open-store.js";
import { configuredPlatforms, type PlatformRuntime, type RunningPlatform } from "./platforms.js";
import { onSignals, planShutdown, type Step } from "./shutdown.js";
import { type SnapshotSchedule, scheduleSnapshots } from "./snapshot-schedule.js";

/** The process's logger once the configuration is read; before that, errors are printed as plain lines. */
let processLog: Log | null = null;

/**
 * Re-indexes the corpus directory after a change, records newly seen documents for the digests, and logs
 * what changed (a bad file is logged, not fatal).
 */
async function syncAndLog(engine: Engine, store: Store | null, log: Log, changed: () => void): Promise<void> {
  try {
    const c = await engine.sync();
    if (c.added.length + c.updated.length + c.removed.length > 0) changed();
    await recordSeen(engine, store, log);
    for (const [what, files] of [
      ["added", c.added],
      ["updated", c.updated],
      ["removed", c.removed],
    ] as const)
      if (files.length) log.info({ files }, `corpus: ${what} ${files.join(", ")}`);
    for (const s of c.skipped) log.warn({ file: s.file }, `corpus: skipped ${s.file}: ${s.reason}`);
    for (const n of c.notes) log.warn(`corpus: ${n}`);
  } catch (e) {
    const message = e instanceof AppError ? e.message : (e as Error).message;
    log.error(e instanceof AppError ? {} : { err: e }, `corpus: re-index failed: ${message}`);
  }
}

/** The engine, its snapshot schedule and the store, as both the terminal chat and the service use them. */
async function openState(config: Config, log: Log, startSync: "try" | "background") {
  // With DATABASE_URL: a replica that syncs at start (unless another is syncing), follows the others' changes, and
  // records the documents it learns of for the digests (the store opens after the engine: until then, nothing).
  // A service syncs in the background, answering from the database meanwhile; the terminal chat first syncs, so
  // that its banner counts what it answers from.
  let store: Store | null = null;
  const onDocuments = (e: Engine) => recordSeen(e, store, log);
  const participation = { startSync, listen: true, onDocuments } as const;
  // Snapshots are written by the schedule: the first one now, before connecting; later ones once a burst of
  // corpus changes has settled.
  const engine = await openEngine(config, "later", lineLog(log, "warn"), participation);
  const snapshots = scheduleSnapshots(engine, lineLog(log, "warn"));
  snapshots.flush();
  for (const s of engine.skipped) log.warn({ file: s.file }, `skipped ${s.file}: ${s.reason}`);
  for (const n of engine.notes) log.warn(`corpus: ${n}`);
  log.info(describeStartup(engine));
  // A damaged, read-only or locked store is logged and the bot runs without digests and 👍/👎 (null).
  store = await openStoreSafely(config, seenDocuments(engine.documents), lineLog(log, "warn"));
  // A background start sync may have finished while the store was opening, when it had nothing to record into.
  await recordSeen(engine, store, log);
  const watcher = watchCorpus(config.CORPUS_DIR, () => syncAndLog(engine, store, log, snapshots.changed));
  return { engine, snapshots, store, watcher };
}

/** Records the engine's documents as seen (a replica's refresh brought another replica's); a failure is a line. */
async function recordSeen(engine: Engine, store: Store | null, log: Log): Promise<void> {
  try {
    await store?.documents.recordSeen(seenDocuments(engine.documents), new Date());
  } catch (e) {
    log.warn(`digests: could not record the corpus documents as seen: ${(e as Error).message}`);
  }
}

/** No token set: a chat in the terminal over the corpus. */
async function runTerminal(config: Config, log: Log): Promise<void> {
  const { engine, snapshots, store, watcher } = await openState(config, log, "try");
  const style = { color: Boolean(process.stdout.isTTY) };
  await runConsoleChat(engine, process.stdin, process.stdout, style, lineLog(log, "error"));
  watcher.close();
  snapshots.flush();
  await store?.close();
  await closeEngine(engine);
}

/** The steps that end a service, once: flush the snapshot, remove the heartbeat, close the engine and the store. */
function closeSteps(
  state: { snapshots: SnapshotSchedule; store: Store | null; engine: Engine },
  heartbeat: { stop(): void },
): Step[] {
  return [
    { name: "index snapshot", run: () => state.snapshots.flush() },
    { name: "heartbeat", run: () => heartbeat.stop() },
    // The engine first: a sync still under way records what it synced into the store before the store closes.
    { name: "passage index connections", run: () => closeEngine(state.engine) },
    { name: "store", run: () => state.store?.close() },
  ];
}

/** The port GET /healthz is served on: the Telegram webhook's, Slack's or Feishu's HTTP endpoint, if one runs. */
function httpPort(config: Config): number | null {
  const slackHttp = Boolean(config.SLACK_BOT_TOKEN && !config.SLACK_APP_TOKEN);
  const feishuHttp = Boolean(config.FEISHU_APP_ID && config.FEISHU_VERIFY_TOKEN);
  return config.TELEGRAM_WEBHOOK_URL || slackHttp || feishuHttp ? config.PORT : null;
}

/**
 * Connects the configured platforms one after another; each one started is added to `intake`, so that a later
 * failure (another platform's start) stops it.
 */
async function startPlatforms(r: PlatformRuntime, intake: Step[]): Promise<RunningPlatform[]> {
  const running: RunningPlatform[] = [];
  for (const p of configuredPlatforms(r.config)) {
    const started = await p.start(r);
    intake.push({ name: started.name, run: started.stop });
    running.push(started);
  }
  return running;
}

/** Each running platform's digest channel, by its name (one per platform: the table lists each once). */
function digestSenders(running: RunningPlatform[]): Partial<Record<Platform, DigestChannel>> {
  const senders: Partial<Record<Platform, DigestChannel>> = {};
  for (const p of running) senders[p.name] = p.digests;
  return senders;
}

/** A token set: the platforms, the digests, the heartbeat and GET /healthz, until SIGINT or SIGTERM. */
async function runService(config: Config, log: Log): Promise<void> {
  const health = new Health();
  const heartbeat = startHeartbeat(health, healthFile(config.DATA_DIR), lineLog(log, "warn"));
  const state = await openState(config, log, "background");
  const inFlight = new InFlight();
  const intake: Step[] = [{ name: "corpus watcher", run: () => state.watcher.close() }];
  const shutdown = planShutdown({
    health,
    log,
    inFlight,
    timeoutMs: config.SHUTDOWN_TIMEOUT_SECONDS * 1000,
    intake,
    close: closeSteps(state, heartbeat),
  });
  onSignals(shutdown, (code) => process.exit(code));
  // A platform that dies while running stops the process with exit 1, for the supervisor to restart it.
  const onFailure = (line: string) => void shutdown(line).then(() => process.exit(1));
  const runtime: PlatformRuntime = { ...state, config, log, health, inFlight, onFailure };
  const running = await startPlatforms(runtime, intake).catch(async (e: unknown) => {
    await shutdown("start-up failed");
    throw e;
  });
  const digests = startDigests({
    engine: state.engine,
    store: state.store,
    log: log.child({ component: "digest" }),
    senders: digestSenders(running),
  });
  // The shutdown awaits an in-flight send, and gives it up (recorded, claim released) before its bound: the
  // store is closed only after that.
  intake.push({ name: "digests", run: (giveUp) => digests.stop(giveUp) });
  const platforms = running.map((p) => `${p.name} (${p.mode})`);
  health.markReady(platforms, httpPort(config));
  heartbeat.beat();
  log.info({ platforms }, `ready: ${platforms.join(", ")}`);
}

/** `npm start`: the configured chat adapters, or a terminal chat over the corpus when no token is set. */
async function main(): Promise<void> {
  loadEnv();
  const config = parseConfig(process.env);
  processLog = logFromConfig(config);
  await (configuredPlatforms(config).length > 0
    ? runService(config, processLog)
    : runTerminal(config, processLog));
}

main().catch((e: unknown) => {
  // A setup mistake is one line that says what to fix; only an unexpected error carries its stack (as a field).
  const line = e instanceof AppError ? e.message : `unexpected error: ${(e as Error).message ?? e}`;
  if (processLog) processLog.fatal(e instanceof AppError ? { code: e.code } : { err: e }, line);
  else process.stderr.write(`${line}\n`);
  process.exit(1);
});
