import { LogLevel, type webApi } from "@slack/bolt";
import Database from "better-sqlite3";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type DigestRunner, startDigests } from "../../adapters/digest-runner.js";
import { Health } from "../../adapters/health.js";
import { InFlight } from "../../adapters/in-flight.js";
import type { Log } from "../../adapters/log.js";
import { planShutdown } from "../../adapters/shutdown.js";
import { createSlackApp } from "../../adapters/slack/app.js";
import { slackDigestSender } from "../../adapters/slack/digest-sender.js";
import { createBot } from "../../adapters/telegram/bot.js";
import { telegramDigestSender } from "../../adapters/telegram/digest-sender.js";
import { createEngine, type Engine } from "../../src/engine.js";
import { openStore, type Store } from "../../src/store/open-store.js";
import { FakePlatform } from "./fake-platform.js";
import { at, capturedLog, recordSeeds, reopen, subscribe, tempDataDir } from "./helpers.js";

/** 09:00 in Shanghai on 3 March: the subscription's first digest is due. */
const T0 = at("2025-03-03T01:00:00Z");

let engine: Engine;
let fake: FakePlatform;
let dir: string;
let store: Store;

beforeAll(async () => {
  engine = await createEngine({ corpusDir: "seeds" });
});
beforeEach(async () => {
  fake = await new FakePlatform().start();
  dir = tempDataDir();
  store = await openStore(dir);
  await recordSeeds(store, engine, at("2025-03-01T00:00:00Z"), at("2025-03-02T13:00:00Z"));
});
afterEach(async () => fake.close());

/** The digests of one process over `s` at T0, sending to the fake Telegram API (parts of at most `limit` chars). */
function run(s: Store, log: Log, limit?: number) {
  const api = createBot(engine, { token: "1:T", apiRoot: fake.url, store: s }).api;
  return startDigests({
    engine,
    store: s,
    senders: { telegram: telegramDigestSender(api, limit) },
    clock: () => T0,
    log,
  });
}

/** A Web API logger that keeps its lines (the sending clients must log through the process's logger). */
function clientLogger(lines: string[]): webApi.Logger {
  const keep = (...msg: unknown[]) => void lines.push(msg.map(String).join(" "));
  return {
    debug: () => {},
    info: keep,
    warn: keep,
    error: keep,
    setLevel: () => {},
    getLevel: () => LogLevel.DEBUG,
    setName: () => {},
  };
}

/** The same over the fake Slack Web API. */
function runSlack(s: Store, log: Log, clientLog: string[] = []) {
  const app = createSlackApp(engine, {
    token: "xoxb-test",
    signingSecret: "s",
    store: s,
    clientOptions: { slackApiUrl: fake.slackUrl },
  });
  return startDigests({
    engine,
    store: s,
    senders: { slack: slackDigestSender(app.client, clientLogger(clientLog)) },
    clock: () => T0,
    log,
  });
}

/** What another connection sees: the day's delivery and its parts. */
function persisted(subId: number) {
  const db = new Database(`${dir}/bot.sqlite`, { readonly: true });
  const delivery = db
    .prepare("SELECT id, status, owner FROM deliveries WHERE subscription_id = ?")
    .get(subId) as { id: number; status: string; owner: string | null } | undefined;
  const parts = db
    .prepare("SELECT status FROM delivery_parts WHERE delivery_id = ? ORDER BY part")
    .all(delivery?.id ?? -1) as Array<{ status: string }>;
  db.close();
  return { delivery, parts: parts.map((p) => p.status) };
}

/**
 * SIGTERM as main.ts wires it (the digests' stop() among the intake steps, the store closed last) with the first
 * message held by the platform: what the store held when it was closed, and the shutdown's log.
 */
async function shutdownDuringSend(digests: DigestRunner, subId: number) {
  const logs = capturedLog("info");
  let atClose: ReturnType<typeof persisted> | null = null;
  const shutdown = planShutdown({
    health: new Health(),
    log: logs.log,
    inFlight: new InFlight(),
    timeoutMs: 2000,
    intake: [{ name: "digests", run: (giveUp) => digests.stop(giveUp) }],
    close: [
      {
        name: "store",
        run: async () => {
          atClose = persisted(subId);
          await store.close();
        },
      },
    ],
  });
  await shutdown("SIGTERM");
  for (let i = 0; i < 50 && fake.cancelled === 0; i++) await new Promise((r) => setTimeout(r, 20));
  fake.release(); // a late answer changes nothing
  await new Promise((r) => setTimeout(r, 200));
  return { atClose: atClose as ReturnType<typeof persisted> | null, logs };
}

describe("stopping the digests within the shutdown's time", () => {
  it("Telegram: a send held past the bound is given up before the store closes; part unknown, claim released", async () => {
    const sub = await subscribe(store, { topics: ["学位", "教师"] }, at("2025-03-02T12:00:00Z"));
    fake.next("hold"); // part 1 reaches the platform and is never answered
    const digestLogs = capturedLog("info");
    const digests = run(store, digestLogs.log, 500);
    await fake.waitFor(1);
    const { atClose, logs } = await shutdownDuringSend(digests, sub.id);
    expect(atClose?.parts[0]).toBe("unknown"); // recorded while the store was open
    expect(fake.cancelled).toBe(1); // the request itself was cancelled, not left to its 30 s timeout
    const { delivery, parts } = persisted(sub.id);
    expect(parts.length).toBeGreaterThan(2);
    expect(parts[0]).toBe("unknown");
    expect(parts.slice(1).every((p) => p === "pending")).toBe(true);
    expect(delivery).toMatchObject({ status: "claimed", owner: null }); // released: the next start resumes it
    expect(`${digestLogs.text()}\n${logs.text()}`).not.toMatch(/tick failed|did not stop/);
    // The next start sends the remaining parts at once, and part 1 never again.
    const again = run(await reopen(dir), capturedLog("info").log, 500);
    await fake.waitFor(parts.length);
    await again.stop();
    expect(new Set(fake.received.map((m) => m.text)).size).toBe(parts.length);
  });

  it("Slack: the held message is given up, recorded unknown, and the delivery finished before the store closes", async () => {
    const sub = await subscribe(store, { platform: "slack", chatId: "C1" }, at("2025-03-02T12:00:00Z"));
    fake.next("hold");
    const digestLogs = capturedLog("info");
    const clientLines: string[] = [];
    const digests = runSlack(store, digestLogs.log, clientLines);
    await fake.waitFor(1);
    const { atClose } = await shutdownDuringSend(digests, sub.id);
    expect(atClose).toMatchObject({ delivery: { status: "unknown", owner: null }, parts: ["unknown"] });
    expect(fake.cancelled).toBe(1);
    expect(digestLogs.text()).not.toContain("tick failed");
    // The cancelled request's warning went to the given logger, not straight to the console.
    expect(clientLines.join("\n")).toMatch(/aborted/i);
  });
});

describe("what the digests log", () => {
  it("a refused digest is a warning: seen at LOG_LEVEL=warn", async () => {
    await subscribe(store, {}, at("2025-03-02T12:00:00Z"));
    fake.next("403");
    const logs = capturedLog("warn");
    const digests = run(store, logs.log);
    while (!logs.text().includes("failed")) await new Promise((r) => setTimeout(r, 20));
    await digests.stop();
    expect(logs.lines.find((l) => l.msg.includes("failed, subscription paused"))?.level).toBe(40);
  });

  it("a message that may have arrived is a warning, and so is the digest it leaves unknown", async () => {
    const sub = await subscribe(store, {}, at("2025-03-02T12:00:00Z"));
    fake.next("502");
    const logs = capturedLog("info");
    const digests = run(store, logs.log);
    while ((persisted(sub.id).delivery?.status ?? "claimed") === "claimed")
      await new Promise((r) => setTimeout(r, 20));
    await digests.stop();
    const level = (text: string) => logs.lines.find((l) => l.msg.includes(text))?.level;
    expect(level("may have been delivered")).toBe(40);
    expect(level("finished with")).toBe(40);
  });
});
