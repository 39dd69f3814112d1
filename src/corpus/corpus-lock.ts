import { randomUUID } from "node:crypto";
import { linkSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

/** The lock file of a corpus directory: held by one ingest at a time while it adds a file and its entry. */
export const LOCK_FILE = ".ingest.lock";

/** Who holds a lock: written into the lock file, whole, before it appears (see `createExclusive`). */
export interface LockOwner {
  pid: number;
  host: string;
  /** When it was taken, ms since the epoch, by the holder's clock. */
  at: number;
  /** Tells this holding apart from any other, so a lock is only ever removed by the one who saw it. */
  token: string;
}

/** How a lock is waited for and when a held one counts as left behind. */
export interface LockOptions {
  /** The clock the age of a lock is read with (ms since the epoch). */
  now: () => number;
  /**
   * A lock older than this is left behind by a holder that hung or whose pid was reused, and is broken. A
   * holding lasts one file copy and one manifest write: well under a second.
   */
  staleMs?: number;
  /**
   * Longest pause between two tries while another process holds the lock (each pause is drawn between half
   * of it and all of it, so that waiting processes do not retry in step). A holding lasts milliseconds.
   */
  retryMs?: number;
}

const STALE_MS = 60_000;
const RETRY_MS = 8;

/** Whether a process of this machine is alive (EPERM: it is, but another user's). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** A lock file that is not one of ours (written by hand, truncated): as old as can be, so stale. */
const UNREADABLE: LockOwner = { pid: 0, host: "", at: 0, token: "" };

/** The holder of a lock file, or null when it is gone; whatever else stands there counts as stale. */
export function readLockOwner(path: string): LockOwner | null {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
    return UNREADABLE;
  }
  try {
    const owner = JSON.parse(text) as LockOwner;
    return typeof owner.token === "string" && typeof owner.at === "number" ? owner : UNREADABLE;
  } catch {
    return UNREADABLE;
  }
}

/** Left behind: its holder's process is gone (same machine), or it is older than `staleMs`. */
export function isStale(owner: LockOwner, now: number, staleMs: number): boolean {
  if (owner.host === hostname() && !processAlive(owner.pid)) return true;
  return now - owner.at > staleMs;
}

/**
 * Creates `path` holding `owner`, only if nothing is there: written whole to a private file first, then
 * hard-linked into place, which fails if the name exists (an O_EXCL create that no reader sees half-written).
 */
function createExclusive(path: string, owner: LockOwner): boolean {
  const tmp = `${path}.${owner.token}.tmp`;
  writeFileSync(tmp, JSON.stringify(owner));
  try {
    linkSync(tmp, path);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw e;
  } finally {
    rmSync(tmp, { force: true });
  }
}

/** Removes the lock at `path` if it is still the holding `seen`; a holding taken since is left alone. */
function removeIf(path: string, seen: LockOwner): void {
  if (readLockOwner(path)?.token === seen.token) rmSync(path, { force: true });
}

/**
 * Breaks a stale lock under a second, short-lived lock, so that two processes that both found it stale do
 * not both remove it (the second would remove the lock the first has taken since).
 */
function breakStale(path: string, stale: LockOwner, me: LockOwner, options: Required<LockOptions>): void {
  const guard = `${path}.break`;
  if (!createExclusive(guard, me)) {
    const other = readLockOwner(guard);
    if (other && isStale(other, options.now(), options.staleMs)) removeIf(guard, other);
    return;
  }
  try {
    removeIf(path, stale);
  } finally {
    removeIf(guard, me);
  }
}

/** Takes the lock of a corpus directory, waiting while a live holder has it; returns its release. */
async function acquire(dir: string, options: Required<LockOptions>): Promise<() => void> {
  const path = join(dir, LOCK_FILE);
  const me: LockOwner = { pid: process.pid, host: hostname(), at: 0, token: randomUUID() };
  for (;;) {
    me.at = options.now();
    if (createExclusive(path, me)) return () => removeIf(path, me);
    const owner = readLockOwner(path);
    if (owner && isStale(owner, options.now(), options.staleMs)) breakStale(path, owner, me, options);
    // Wait between tries even after a break: another process may hold the break guard for a while.
    await sleep(options.retryMs * (0.5 + Math.random() / 2));
  }
}

/**
 * Runs `write` while holding the corpus directory's lock file, against other batches of this process and
 * other processes alike; a lock left by a crashed or hung holder is broken (see `isStale`).
 */
export async function withCorpusLock<T>(dir: string, options: LockOptions, write: () => T): Promise<T> {
  const release = await acquire(dir, { staleMs: STALE_MS, retryMs: RETRY_MS, ...options });
  try {
    return write();
  } finally {
    release();
  }
}
