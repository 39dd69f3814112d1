import { execFileSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import {
  closeSync,
  openSync,
  readFileSync,
  statSync,
  truncateSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { openStoreSafely } from "../../adapters/open-store.js";
import { openStore, type StoreOpening, tryOpenStore } from "../../src/store/open-store.js";
import { subscribe, tempDataDir } from "../digest/helpers.js";

const NOW = new Date("2025-03-03T01:00:00Z");
const cleanups: Array<() => void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) c();
});

/** A data directory whose store has a subscription and enough documents to fill a few dozen pages. */
async function populated(): Promise<string> {
  const dir = tempDataDir();
  const s = await openStore(dir, { now: NOW });
  const docs = Array.from({ length: 400 }, (_, i) => ({
    doc: `d${i}.txt`,
    hash: `h${i}`,
    title: `标题${i}`.repeat(8),
    publisher: "重庆日报",
    date: "2025-04-24",
  }));
  await s.documents.recordSeen(docs, NOW);
  await subscribe(s, { platform: "slack", chatId: "C1", subscribedBy: "U1" }, NOW);
  await s.close();
  return dir;
}

const file = (dir: string) => join(dir, "bot.sqlite");
const digest = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");

async function problemOf(opening: StoreOpening): Promise<string> {
  if (opening.kind === "open") {
    await opening.store.close();
    return "open";
  }
  return opening.problem.code;
}

/** Damages the file, checks the store refuses it as damaged, and that the file was left byte for byte. */
async function expectDamaged(dir: string): Promise<void> {
  const before = digest(file(dir));
  expect(await problemOf(await tryOpenStore(dir, { now: NOW }))).toBe("damaged");
  expect(digest(file(dir))).toBe(before);
}

describe("opening the store", () => {
  it("reports a file of garbage as damaged and leaves it alone", async () => {
    const dir = tempDataDir();
    writeFileSync(file(dir), randomBytes(16_384));
    await expectDamaged(dir);
  });

  it("reports a truncated database as damaged", async () => {
    const dir = await populated();
    truncateSync(file(dir), Math.floor(statSync(file(dir)).size / 2));
    await expectDamaged(dir);
  });

  it("reports a database with overwritten pages as damaged", async () => {
    const dir = await populated();
    const fd = openSync(file(dir), "r+");
    writeSync(fd, randomBytes(4096 * 3), 0, 4096 * 3, 4096 * 2); // pages 3–5: b-tree pages of documents
    closeSync(fd);
    await expectDamaged(dir);
  });

  it("reports a database another process holds locked as locked, after the busy timeout", async () => {
    const dir = await populated();
    const holder = new Database(file(dir));
    holder.pragma("locking_mode = EXCLUSIVE");
    holder.exec("BEGIN EXCLUSIVE");
    cleanups.push(() => holder.close());
    expect(await problemOf(await tryOpenStore(dir, { busyTimeoutMs: 50 }))).toBe("locked");
  });

  it.skipIf(process.platform === "win32")("reports a DATA_DIR it cannot write as read-only", async () => {
    const dir = await populated();
    // Root ignores permission bits: an immutable directory is read-only for root too.
    const root = process.getuid?.() === 0;
    try {
      execFileSync(root ? "chattr" : "chmod", root ? ["+i", dir] : ["0555", dir]);
    } catch {
      return; // no way to make a read-only directory here
    }
    cleanups.push(() => execFileSync(root ? "chattr" : "chmod", root ? ["-i", dir] : ["0755", dir]));
    expect(await problemOf(await tryOpenStore(dir))).toBe("read-only");
  });

  it("notices a database emptied to 0 bytes or deleted after it held state", async () => {
    const dir = await populated();
    const again = await tryOpenStore(dir);
    expect(again).toMatchObject({ kind: "open", notices: [] });
    if (again.kind === "open") await again.store.close();
    truncateSync(file(dir), 0);
    const emptied = await tryOpenStore(dir);
    expect(emptied).toMatchObject({ kind: "open", notices: [{ code: "replaced" }] });
    if (emptied.kind === "open") await emptied.store.close();
    unlinkSync(file(dir));
    expect(await tryOpenStore(dir)).toMatchObject({ notices: [{ code: "replaced" }] });
  });

  it("without a usable store, the bot's opener logs one line saying what is off and how to fix it", async () => {
    const dir = tempDataDir();
    writeFileSync(file(dir), randomBytes(8192));
    const logs: string[] = [];
    expect(
      await openStoreSafely({ DATA_DIR: dir, DATABASE_URL: undefined }, [], (l) => logs.push(l)),
    ).toBeNull();
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatch(/damaged.*restore it from a backup/);
    expect(logs[0]).toContain("answering works");
    expect(logs[0]).not.toMatch(/\n\s+at /);
  });
});
