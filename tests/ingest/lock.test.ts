import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { LOCK_FILE, type LockOwner, withCorpusLock } from "../../src/corpus/corpus-lock.js";

const NOW = Date.UTC(2025, 5, 9, 10, 0, 0);
const options = { now: () => NOW, retryMs: 5 };

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "corpus-lock-"));
});

function leaveLock(owner: Partial<LockOwner>): void {
  const full: LockOwner = { pid: process.pid, host: hostname(), at: NOW, token: "left-behind", ...owner };
  writeFileSync(join(dir, LOCK_FILE), JSON.stringify(full));
}

/** The pid of a process that has ended. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "0"]);
  return child.pid as number;
}

describe("withCorpusLock", () => {
  it("runs one holder at a time and leaves nothing behind", async () => {
    let inside = 0;
    let most = 0;
    const order: number[] = [];
    await Promise.all(
      [1, 2, 3, 4, 5].map((n) =>
        withCorpusLock(dir, options, () => {
          inside++;
          most = Math.max(most, inside);
          order.push(n);
          inside--;
        }),
      ),
    );
    expect(most).toBe(1);
    expect(order.sort()).toEqual([1, 2, 3, 4, 5]);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("waits while a live holder (this process, as another would be) has the lock, then goes in", async () => {
    leaveLock({});
    let ran = false;
    const waiting = withCorpusLock(dir, options, () => {
      ran = true;
    });
    await new Promise((r) => setTimeout(r, 50));
    expect(ran).toBe(false);
    rmSync(join(dir, LOCK_FILE));
    await waiting;
    expect(ran).toBe(true);
    expect(readdirSync(dir)).toEqual([]);
  });

  it.each([
    ["a process that has ended", () => leaveLock({ pid: deadPid() })],
    ["a live process, but taken over a minute ago", () => leaveLock({ at: NOW - 61_000 })],
    ["another machine, over a minute ago", () => leaveLock({ host: "elsewhere", pid: 1, at: NOW - 61_000 })],
    ["nobody: not a lock this code wrote", () => writeFileSync(join(dir, LOCK_FILE), "garbage")],
  ])("breaks a lock left by %s", async (_, leave) => {
    leave();
    expect(await withCorpusLock(dir, options, () => "in")).toBe("in");
    expect(readdirSync(dir)).toEqual([]);
  });

  it("releases the lock when the holder throws", async () => {
    await expect(
      withCorpusLock(dir, options, () => {
        throw new Error("disk full");
      }),
    ).rejects.toThrow("disk full");
    expect(readdirSync(dir)).toEqual([]);
  });
});
