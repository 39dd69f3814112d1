/** Why the store cannot be used: the bot then runs without digests and 👍/👎, and says so. */
export type StoreProblemCode = "damaged" | "read-only" | "locked" | "unavailable";

/** A store that could not be opened: what, where, and the underlying message. */
export interface StoreProblem {
  code: StoreProblemCode;
  /** The SQLite file, or the PostgreSQL URL without its password. */
  file: string;
  detail: string;
  /** What to do, when the backend knows better than the code's general line (PostgreSQL: names DATABASE_URL). */
  fix?: string;
}

/** Something worth an operator's attention about a store that did open. */
export interface StoreNotice {
  code: "replaced";
  file: string;
  /** When the store this DATA_DIR had before was created (from its marker). */
  previousCreatedAt: string;
}

/** SQLite result codes (better-sqlite3's `code`, extended codes included) and errno codes, by problem. */
const CODES: Array<[StoreProblemCode, RegExp]> = [
  ["damaged", /^SQLITE_(CORRUPT|NOTADB)/],
  ["read-only", /^(SQLITE_(READONLY|CANTOPEN|PERM|AUTH)|EACCES|EROFS|EPERM|ENOTDIR|EEXIST)/],
  ["locked", /^SQLITE_(BUSY|LOCKED)/],
];

/** The problem an error opening or migrating the store stands for. */
export function classifyStoreError(file: string, e: unknown): StoreProblem {
  const code = String((e as { code?: unknown }).code ?? "");
  const detail = e instanceof Error ? e.message : String(e);
  const found = CODES.find(([, re]) => re.test(code));
  return {
    code: found ? found[0] : "unavailable",
    file,
    detail: code && !detail.startsWith(code) ? `${code}: ${detail}` : detail,
  };
}

/** What each problem means and how to fix it; the file path is filled in. */
const FIXES: Record<StoreProblemCode, (file: string) => string> = {
  damaged: (f) =>
    `${f} is damaged — stop the bot, restore it from a backup (or move it aside to start with an empty store), then restart; the file was left as it is`,
  "read-only": (f) =>
    `${f} cannot be written — make DATA_DIR a directory the bot's user can write (the database and its -wal/-shm files live there), then restart`,
  locked: (f) =>
    `${f} is locked by another process — stop the other process (a second bot, a backup, an sqlite3 shell) and restart`,
  unavailable: (f) => `${f} cannot be opened — check the disk and DATA_DIR, then restart`,
};

/** One log line: what is unavailable, why, and how to fix it. */
export function describeStoreProblem(p: StoreProblem): string {
  const fix = p.fix ?? FIXES[p.code](p.file);
  return `store: digests and 👍/👎 are unavailable (answering works): ${fix} (${p.detail})`;
}

/** One log line for a notice. */
export function describeStoreNotice(n: StoreNotice): string {
  return `store: ${n.file} is not the store this DATA_DIR had (created ${n.previousCreatedAt}): it was emptied, deleted or replaced, so earlier subscriptions and delivery history are gone — restore it from a backup if you have one; running with it as it is`;
}
