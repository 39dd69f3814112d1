import { join } from "node:path";
import Database from "better-sqlite3";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DigestChannel, SendOutcome } from "../../src/digest/channel.js";
import { DigestScheduler } from "../../src/digest/scheduler.js";
import { createEngine, type Engine } from "../../src/engine.js";
import { MIGRATIONS, migrate } from "../../src/store/migrations.js";
import { openStore, type Store } from "../../src/store/open-store.js";
import { at, linesLog, recordSeeds, reopen, subscribe, tempDataDir } from "./helpers.js";

const T0 = at("2025-03-03T01:00:00Z");
const PARTS = ["p1", "p2", "p3", "p4", "p5"];

let engine: Engine;
let dir: string;
let store: Store;

beforeAll(async () => {
  engine = await createEngine({ corpusDir: "seeds" });
});
beforeEach(async () => {
  dir = tempDataDir();
  store = await openStore(dir);
  await recordSeeds(store, engine, at("2025-03-01T00:00:00Z"), at("2025-03-02T13:00:00Z"));
});

/** A five-message channel: every send is recorded, and a send can be held until the test lets it answer. */
class FiveParts implements DigestChannel {
  readonly sent: string[] = [];
  private gate: { part: string; open: () => void } | null = null;
  constructor(
    private readonly holdAt: string | null = null,
    private readonly outcome: (payload: string) => SendOutcome | null = () => null,
  ) {}
  render = () => PARTS;
  send = async (_chat: string, payload: string): Promise<SendOutcome> => {
    const scripted = this.outcome(payload);
    if (scripted) return scripted;
    this.sent.push(payload);
    if (payload === this.holdAt) await new Promise<void>((open) => (this.gate = { part: payload, open }));
    return { kind: "sent", messageId: `m-${payload}` };
  };
  /** Resolves once the held part is in flight. */
  async inFlight(): Promise<void> {
    while (!this.gate) await new Promise((r) => setTimeout(r, 5));
  }
  answer(): void {
    this.gate?.open();
  }
}

function schedulerOf(s: Store, channel: DigestChannel, owner: string, logs: string[] = []) {
  return new DigestScheduler({
    store: s,
    source: engine,
    channels: { telegram: channel },
    owner,
    log: linesLog(logs),
    sleep: async () => {},
  });
}

const partsOf = async (s: Store, subId: number) => {
  const row = await s.deliveries.get(subId, "2025-03-03");
  return row ? (await s.parts.list(row.id)).map((p) => [p.part, p.status, p.messageId]) : [];
};

describe("multi-part delivery", () => {
  it("stop() during part 3 lets it finish, releases the rest, and the next start resumes at part 4", async () => {
    const sub = await subscribe(store, {}, at("2025-03-02T12:00:00Z"));
    const first = new FiveParts("p3");
    const a = schedulerOf(store, first, "A");
    const ticking = a.tick(T0);
    await first.inFlight();
    const stopped = a.stop();
    first.answer();
    await stopped;
    expect(await ticking).toMatchObject({ released: [sub.id] });
    expect(first.sent).toEqual(["p1", "p2", "p3"]);
    expect(await store.deliveries.get(sub.id, "2025-03-03")).toMatchObject({
      status: "claimed",
      owner: null,
    });
    const second = new FiveParts();
    const report = await schedulerOf(await reopen(dir), second, "B").tick(at("2025-03-03T01:00:30Z"));
    expect(report.sent).toEqual([sub.id]);
    expect(second.sent).toEqual(["p4", "p5"]);
    expect(await store.deliveries.get(sub.id, "2025-03-03")).toMatchObject({ status: "sent", attempts: 1 });
    expect(await partsOf(store, sub.id)).toEqual(PARTS.map((p, i) => [i + 1, "sent", `m-${p}`]));
  });

  it("an owner stalled past its lease sends nothing more once another owner has taken over", async () => {
    const sub = await subscribe(store, {}, at("2025-03-02T12:00:00Z"));
    const stalled = new FiveParts("p1");
    const a = schedulerOf(store, stalled, "A");
    const ticking = a.tick(T0);
    await stalled.inFlight();
    const other = new FiveParts();
    const logs: string[] = [];
    await schedulerOf(await reopen(dir), other, "B", logs).tick(at("2025-03-03T01:05:00Z"));
    expect(other.sent).toEqual(["p2", "p3", "p4", "p5"]); // part 1 may have arrived: not sent again
    expect(logs.join("\n")).toContain("part 1 may have been delivered");
    stalled.answer();
    expect(await ticking).toMatchObject({ lost: [sub.id] });
    expect(stalled.sent).toEqual(["p1"]);
    // The late answer is the truth about part 1: it is recorded with its message id.
    expect((await partsOf(store, sub.id))[0]).toEqual([1, "sent", "m-p1"]);
    expect((await store.deliveries.get(sub.id, "2025-03-03"))?.status).toBe("unknown");
  });

  it("a message proven undelivered is retried; when retries run out the delivery fails, unpaused", async () => {
    const sub = await subscribe(store, {}, at("2025-03-02T12:00:00Z"));
    const limited = new FiveParts(null, (p) =>
      p === "p2" ? { kind: "retry", afterMs: 1000, reason: "Too Many Requests" } : null,
    );
    const logs: string[] = [];
    const report = await schedulerOf(store, limited, "A", logs).tick(T0);
    expect(report.failed).toEqual([sub.id]);
    expect(limited.sent).toEqual(["p1"]);
    expect(logs.filter((l) => l.includes("retrying"))).toHaveLength(2);
    expect((await partsOf(store, sub.id)).map((p) => p[1])).toEqual([
      "sent",
      "pending",
      "pending",
      "pending",
      "pending",
    ]);
    expect((await store.subscriptions.byId(sub.id))?.paused).toBe(false);
  });
});

describe("migration 2", () => {
  it("brings a version-1 database up to date; a claim it left becomes unknown and is not sent", async () => {
    const file = join(tempDataDir(), "bot.sqlite");
    const v1 = new Database(file);
    migrate(v1, T0, MIGRATIONS.slice(0, 1));
    v1.exec(`INSERT INTO subscriptions (id, platform, chat_id, subscribed_by, created_at)
      VALUES (1, 'telegram', '100', 'u1', '2025-03-02T12:00:00.000Z')`);
    v1.exec(`INSERT INTO deliveries (subscription_id, digest_date, status, claimed_at) VALUES
      (1, '2025-03-02', 'sent', '2025-03-02T01:00:00.000Z'), (1, '2025-03-03', 'claimed', '2025-03-03T01:00:00.000Z')`);
    v1.close();
    const s = await openStore(join(file, ".."));
    expect(s.version).toBe(MIGRATIONS.length);
    expect(await s.deliveries.get(1, "2025-03-02")).toMatchObject({ status: "sent", owner: null });
    expect(await s.deliveries.get(1, "2025-03-03")).toMatchObject({ status: "unknown" });
    const channel = new FiveParts();
    await schedulerOf(s, channel, "A").tick(at("2025-03-03T01:30:00Z"));
    expect(channel.sent).toEqual([]);
  });
});
