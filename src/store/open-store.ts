import { mkdirSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { AppError } from "../errors.js";
import { type DeliveryRepo, deliveryRepo } from "./deliveries.js";
import { type DeliveryPartRepo, deliveryPartRepo } from "./delivery-parts.js";
import { type DocumentRepo, documentRepo } from "./documents.js";
import { type FeedbackRepo, feedbackRepo } from "./feedback.js";
import { migrate } from "./migrations.js";
import { tryOpenPostgresStore } from "./postgres/open-postgres-store.js";
import { readMarker, storeIdOf, writeMarker } from "./store-marker.js";
import {
  classifyStoreError,
  describeStoreProblem,
  type StoreNotice,
  type StoreProblem,
} from "./store-problem.js";
import { type SubscriptionRepo, subscriptionRepo } from "./subscriptions.js";

/** The file name of the database inside DATA_DIR. */
export const STORE_FILE = "bot.sqlite";

/** How long a statement waits for another connection's lock before SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 5000;

/**
 * The bot's state: typed repositories over its tables, in one SQLite file (the default) or in PostgreSQL (with
 * DATABASE_URL, shared by replicas). Every method is asynchronous, whichever the backend.
 */
export interface Store {
  /** Where the state is: the SQLite file, or the PostgreSQL URL without its password. */
  file: string;
  /** Applied schema version (of the backend's own migrations). */
  version: number;
  documents: DocumentRepo;
  subscriptions: SubscriptionRepo;
  deliveries: DeliveryRepo;
  parts: DeliveryPartRepo;
  feedback: FeedbackRepo;
  /** Ends the store's connections; nothing is read or written after. */
  close(): Promise<void>;
}

/** How to open the store; `now` stamps applied migrations (defaults to the current time). */
export interface StoreOptions {
  now?: Date;
  /**
   * The backend: a PostgreSQL connection URL (the config's DATABASE_URL, passed in by the adapters) puts the state
   * there; unset, the SQLite file in DATA_DIR.
   */
  databaseUrl?: string;
  /** Overrides BUSY_TIMEOUT_MS (tests). */
  busyTimeoutMs?: number;
  /**
   * Compare the database with DATA_DIR's marker and update it (default true): only an opener that reports the
   * notices should, or a replaced store would be adopted unreported.
   */
  marker?: boolean;
}

/** A store that opened (with anything worth logging), or why it could not. */
export type StoreOpening =
  | { kind: "open"; store: Store; notices: StoreNotice[] }
  | { kind: "unavailable"; problem: StoreProblem };

function repos(db: Database.Database, file: string, version: number): Store {
  return {
    file,
    version,
    documents: documentRepo(db),
    subscriptions: subscriptionRepo(db),
    deliveries: deliveryRepo(db),
    parts: deliveryPartRepo(db),
    feedback: feedbackRepo(db),
    close: async () => void db.close(),
  };
}

/** Checks, configures and migrates an open connection; throws the SQLite error of the first failing step. */
function prepare(db: Database.Database, options: StoreOptions): number {
  // First, so that every later step waits for another connection's lock instead of failing at once.
  db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? BUSY_TIMEOUT_MS}`);
  const check = db.pragma("quick_check", { simple: true });
  if (check !== "ok")
    throw Object.assign(new Error(`quick_check: ${String(check)}`), { code: "SQLITE_CORRUPT" });
  db.pragma("journal_mode = WAL");
  db.pragma("foreign_keys = ON");
  return migrate(db, options.now ?? new Date());
}

/**
 * An existing SQLite store file opened directly (to copy it elsewhere): checked and brought up to date as the bot
 * would on start; throws the SQLite error (a missing file is SQLITE_CANTOPEN).
 */
export function openSqliteFile(file: string, options: StoreOptions = {}): Database.Database {
  const db = new Database(file, { fileMustExist: true });
  try {
    prepare(db, options);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

/** A notice when the database is not the one the marker recorded (emptied to 0 bytes, deleted, replaced). */
function checkMarker(dataDir: string, db: Database.Database, file: string, now: Date): StoreNotice[] {
  const id = storeIdOf(db);
  const marker = readMarker(dataDir);
  if (marker?.storeId === id) return [];
  writeMarker(dataDir, { storeId: id, createdAt: now.toISOString() });
  return marker ? [{ code: "replaced", file, previousCreatedAt: marker.createdAt }] : [];
}

/**
 * Opens the store: on PostgreSQL when `databaseUrl` is set (migrated; a server that cannot be used is reported as
 * a value), else (creating on first run) `<dataDir>/bot.sqlite` in WAL mode after a quick_check, its schema brought
 * up to date; a damaged, read-only or locked database is reported as a value and never modified.
 */
export async function tryOpenStore(dataDir: string, options: StoreOptions = {}): Promise<StoreOpening> {
  if (options.databaseUrl) return tryOpenPostgresStore(options.databaseUrl, { now: options.now });
  return tryOpenSqliteStore(dataDir, options);
}

/** The SQLite store of a data directory; the marker check is SQLite's alone. */
function tryOpenSqliteStore(dataDir: string, options: StoreOptions): StoreOpening {
  const file = join(dataDir, STORE_FILE);
  let db: Database.Database | null = null;
  try {
    mkdirSync(dataDir, { recursive: true });
    db = new Database(file);
    const version = prepare(db, options);
    const notices = options.marker === false ? [] : checkMarker(dataDir, db, file, options.now ?? new Date());
    return { kind: "open", store: repos(db, file, version), notices };
  } catch (e) {
    db?.close();
    return { kind: "unavailable", problem: classifyStoreError(file, e) };
  }
}

/**
 * Opens the store or throws an AppError that says what is wrong and how to fix it (the CLI's way); the marker is
 * left to the bot, which reports a replaced store.
 */
export async function openStore(dataDir: string, options: StoreOptions = {}): Promise<Store> {
  const opening = await tryOpenStore(dataDir, { marker: false, ...options });
  if (opening.kind === "unavailable")
    throw new AppError("CONFIG_INVALID", describeStoreProblem(opening.problem));
  return opening.store;
}
