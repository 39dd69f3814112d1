import { spawn } from "node:child_process";
import Database from "better-sqlite3";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startDigests } from "../../adapters/digest-runner.js";
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
/** Five minutes later: a crashed owner's claim (lease 3 minutes) has expired by then. */
const LATER = at("2025-03-03T01:05:00Z");

let engine: Engine;
let fake: FakePlatform;
let dir: string;
let store: Store;
let stops: Array<() => unknown>;

beforeAll(async () => {
  engine = await createEngine({ corpusDir: "seeds" });
});
beforeEach(async () => {
  fake = await new FakePlatform().start();
  dir = tempDataDir();
  store = await openStore(dir);
  stops = [];
  await recordSeeds(store, engine, at("2025-03-01T00:00:00Z"), at("2025-03-02T13:00:00Z"));
});
afterEach(async () => {
  await fake.close();
  await Promise.allSettled(stops.map((s) => s()));
});

type Platform = "telegram" | "slack";

/** A sender as main.ts makes it: over the bot's own API client (with its retries). */
function sender(platform: Platform, s: Store, limit?: number) {
  if (platform === "telegram")
    return {
      telegram: telegramDigestSender(
        createBot(engine, { token: "1:T", apiRoot: fake.url, store: s }).api,
        limit,
      ),
    };
  const app = createSlackApp(engine, {
    token: "xoxb-test",
    signingSecret: "s",
    store: s,
    clientOptions: { slackApiUrl: fake.slackUrl },
  });
  return { slack: slackDigestSender(app.client) };
}

/** Starts the digests of one process over `s` at a fixed instant. */
function run(s: Store, now: Date, platform: Platform = "telegram", limit?: number) {
  const logs = capturedLog();
  const r = startDigests({
    engine,
    store: s,
    senders: sender(platform, s, limit),
    clock: () => now,
    log: logs.log,
  });
  stops.push(() => r.stop());
  return { r, logs };
}

/** The day's delivery row as another connection sees it. */
function row(subId: number): { status: string } | undefined {
  const db = new Database(`${dir}/bot.sqlite`, { readonly: true });
  const r = db.prepare("SELECT status FROM deliveries WHERE subscription_id = ?").get(subId);
  db.close();
  return r as { status: string } | undefined;
}

/** Waits until the delivery is no longer claimed (or `ms` pass: a live claim stays claimed). */
async function settled(subId: number, ms = 15_000): Promise<string> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const status = row(subId)?.status;
    if (status && status !== "claimed") return status;
    await new Promise((r) => setTimeout(r, 25));
  }
  return row(subId)?.status ?? "none";
}

const tgSub = () => subscribe(store, {}, at("2025-03-02T12:00:00Z"));
const slackSub = () => subscribe(store, { platform: "slack", chatId: "C1" }, at("2025-03-02T12:00:00Z"));

describe("digests are delivered at most once", () => {
  it("kill -9 of a real process after Telegram received it: the restarted bot does not send it again", async () => {
    const sub = await tgSub();
    await store.close();
    fake.next("hold");
    const child = spawn(process.execPath, ["--import", "tsx", "tests/digest/digest-process.ts"], {
      env: { ...process.env, DATA_DIR: dir, API_ROOT: fake.url, NOW: T0.toISOString() },
      stdio: "ignore",
    });
    const exited = new Promise((r) => child.once("exit", r));
    await fake.waitFor(1, 60_000);
    child.kill("SIGKILL");
    await exited;
    store = await reopen(dir);
    run(store, LATER);
    expect(await settled(sub.id)).toBe("unknown");
    expect(fake.received).toHaveLength(1);
  }, 90_000);

  it("kill -9 after Telegram received it: the restarted bot does not send it again", async () => {
    const sub = await tgSub();
    fake.next("hold");
    run(store, T0);
    await fake.waitFor(1);
    await store.close(); // the process dies: nothing after this point is recorded
    const again = await reopen(dir);
    const { logs } = run(again, LATER);
    expect(await settled(sub.id)).toBe("unknown");
    expect(fake.received).toHaveLength(1);
    expect(logs.text()).toContain("may have been delivered");
  });

  it("SIGTERM during a send: stop() waits for it and records it; the next start sends nothing", async () => {
    const sub = await tgSub();
    fake.next("hold");
    const { r } = run(store, T0);
    await fake.waitFor(1);
    let closed = false;
    const stopped = Promise.resolve(r.stop()).then(async () => {
      await store.close(); // what main.ts does once stop() has returned
      closed = true;
    });
    await new Promise((res) => setTimeout(res, 100));
    expect(closed).toBe(false); // still waiting for the message in flight
    fake.release();
    await stopped;
    expect(row(sub.id)?.status).toBe("sent");
    run(await reopen(dir), LATER);
    await new Promise((res) => setTimeout(res, 500));
    expect(fake.received).toHaveLength(1);
  });

  it("a second process started during the first one's send leaves the live claim alone", async () => {
    const sub = await tgSub();
    fake.next("hold");
    run(store, T0);
    await fake.waitFor(1);
    const second = run(await reopen(dir), at("2025-03-03T01:01:00Z"));
    await new Promise((res) => setTimeout(res, 500));
    expect(fake.received).toHaveLength(1);
    fake.release();
    expect(await settled(sub.id)).toBe("sent");
    expect(fake.received).toHaveLength(1);
    expect(second.logs.text()).not.toContain("resuming");
  });

  it("Telegram 502 after receiving it: not retried, recorded unknown (the bot's auto-retry would resend)", async () => {
    const sub = await tgSub();
    fake.next("502", "502", "502");
    run(store, T0);
    expect(await settled(sub.id)).toBe("unknown");
    expect(fake.received).toHaveLength(1);
  });

  it("Slack connection dropped after receiving it: not retried, recorded unknown", async () => {
    const sub = await slackSub();
    fake.next("drop", "drop", "drop", "drop");
    run(store, T0, "slack");
    expect(await settled(sub.id)).toBe("unknown");
    expect(fake.received).toHaveLength(1);
  });

  it.each(["telegram", "slack"] as const)(
    "%s 429 proves it was not delivered: retried after retry_after, delivered once",
    async (platform) => {
      const sub = platform === "slack" ? await slackSub() : await tgSub();
      fake.next("429");
      run(store, T0, platform);
      expect(await settled(sub.id)).toBe("sent");
      expect(fake.received).toHaveLength(1);
    },
  );

  it("a refusal (bot kicked) fails the delivery, pauses the subscription, and is not retried", async () => {
    const sub = await tgSub();
    fake.next("403", "403");
    const { logs } = run(store, T0);
    expect(await settled(sub.id)).toBe("failed");
    expect(logs.text()).toContain("kicked");
    expect((await store.subscriptions.byId(sub.id))?.paused).toBe(true);
  });

  it("a 5-part digest whose process died during part 3: a restart sends parts 4 and 5 only", async () => {
    const sub = await subscribe(store, { topics: ["学位", "教师"] }, at("2025-03-02T12:00:00Z"));
    fake.next("ok", "ok", "hold");
    run(store, T0, "telegram", 500);
    await fake.waitFor(3);
    await store.close();
    run(await reopen(dir), LATER, "telegram", 500);
    expect(await settled(sub.id)).toBe("unknown");
    const texts = fake.received.map((m) => m.text);
    expect(texts).toHaveLength(5);
    expect(new Set(texts).size).toBe(texts.length); // no part twice
    const db = new Database(`${dir}/bot.sqlite`, { readonly: true });
    const parts = db
      .prepare("SELECT part, status, message_id FROM delivery_parts ORDER BY part")
      .all() as Array<{
      part: number;
      status: string;
      message_id: string | null;
    }>;
    db.close();
    expect(parts).toHaveLength(texts.length);
    expect(parts.filter((p) => p.status === "unknown").map((p) => p.part)).toEqual([3]);
    for (const p of parts.filter((x) => x.part !== 3))
      expect(p).toMatchObject({ status: "sent", message_id: expect.any(String) });
  });
});
