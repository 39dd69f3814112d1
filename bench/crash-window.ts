/**
 * The digest's crash window, measured: the time between a platform accepting a message (the sender's call
 * returning) and the store recording that part as sent. A process that dies inside it leaves the part "sending":
 * the next owner records it unknown and never sends it again (at most once), so the window is how long a
 * delivered message can end up recorded as "may have arrived" instead of "sent".
 *
 *   npx tsx bench/crash-window.ts [--sends=500]            SQLite in a temporary DATA_DIR
 *   DATABASE_URL=postgres://… npx tsx bench/crash-window.ts  PostgreSQL (a scratch database, dropped after)
 *
 * Real delivery code (DigestScheduler → deliverClaimed), one message per subscription, a platform that accepts at
 * once. Prints p50/p99/max in milliseconds.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { loadEnv } from "../adapters/load-env.js";
import type { DigestChannel } from "../src/digest/channel.js";
import { DigestScheduler } from "../src/digest/scheduler.js";
import { createEngine } from "../src/engine.js";
import { openStore, type Store } from "../src/store/open-store.js";

loadEnv();
const SENDS = Number(process.argv.find((a) => a.startsWith("--sends="))?.slice(8) ?? 500);
const URL_ = process.env.DATABASE_URL;

/** A scratch database on the server of `url`, and how to drop it. */
async function scratchDatabase(url: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `pfb_bench_${randomBytes(4).toString("hex")}`;
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query(sql).finally(() => c.end());
  };
  await admin(`CREATE DATABASE ${name}`);
  const u = new URL(url);
  u.pathname = `/${name}`;
  return { url: u.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** The store with a "sent" mark timed from the last accept. */
function timedStore(store: Store, accepted: { at: number }, windows: number[]): Store {
  const mark = store.parts.mark;
  return {
    ...store,
    parts: {
      ...store.parts,
      mark: async (id, part, status, now, messageId) => {
        await mark(id, part, status, now, messageId);
        if (status === "sent") windows.push(performance.now() - accepted.at);
      },
    },
  };
}

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;

async function main(): Promise<void> {
  const scratch = URL_ ? await scratchDatabase(URL_) : null;
  const store = await openStore(mkdtempSync(join(tmpdir(), "crash-window-")), { databaseUrl: scratch?.url });
  try {
    const engine = await createEngine({ corpusDir: "seeds" });
    const created = new Date("2025-03-02T12:00:00Z");
    for (let i = 0; i < SENDS; i++)
      await store.subscriptions.upsert(
        {
          platform: "telegram",
          chatId: `c${i}`,
          time: "09:00",
          timeZone: "Asia/Shanghai",
          topics: [],
          subscribedBy: "u",
          wantEmpty: true,
        },
        created,
      );
    const accepted = { at: 0 };
    const windows: number[] = [];
    const channel: DigestChannel = {
      render: (d) => [d.date],
      send: async () => {
        accepted.at = performance.now();
        return { kind: "sent", messageId: "m" };
      },
    };
    const s = new DigestScheduler({
      store: timedStore(store, accepted, windows),
      source: engine,
      channels: { telegram: channel },
      owner: "bench",
      log: { info: () => {}, warn: () => {}, error: () => {} },
    });
    const report = await s.tick(new Date("2025-03-03T01:00:00Z"));
    const sorted = [...windows].sort((a, b) => a - b);
    const f = (n: number) => n.toFixed(2);
    console.log(
      `${scratch ? "PostgreSQL" : "SQLite"}: ${report.sent.length} digests sent; accept → part marked sent: ` +
        `p50 ${f(pct(sorted, 0.5))} ms, p99 ${f(pct(sorted, 0.99))} ms, max ${f(sorted.at(-1) ?? 0)} ms (n=${sorted.length})`,
    );
  } finally {
    await store.close();
    await scratch?.drop();
  }
}

await main();
