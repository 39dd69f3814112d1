import { mkdirSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { AppError } from "../errors.js";
import { type DeliveryRepo, deliveryRepo } from "./deliveries.js";
import { type DocumentRepo, documentRepo } from "./documents.js";
import { type FeedbackRepo, feedbackRepo } from "./feedback.js";
import { migrate } from "./migrations.js";
import { type SubscriptionRepo, subscriptionRepo } from "./subscriptions.js";

/** The file name of the database inside DATA_DIR. */
export const STORE_FILE = "bot.sqlite";

/** The bot's state: one SQLite file with typed repositories over its tables. */
export interface Store {
  /** Path of the database file. */
  file: string;
  /** Applied schema version. */
  version: number;
  documents: DocumentRepo;
  subscriptions: SubscriptionRepo;
  deliveries: DeliveryRepo;
  feedback: FeedbackRepo;
  close(): void;
}

/** How to open the store; `now` stamps applied migrations (defaults to the current time). */
export interface StoreOptions {
  now?: Date;
}

/** Opens (creating on first run) `<dataDir>/bot.sqlite` in WAL mode and brings its schema up to date. */
export function openStore(dataDir: string, options: StoreOptions = {}): Store {
  const file = join(dataDir, STORE_FILE);
  let db: Database.Database;
  try {
    mkdirSync(dataDir, { recursive: true });
    db = new Database(file);
  } catch (e) {
    throw new AppError(
      "CONFIG_INVALID",
      `cannot open the database ${file}: ${(e as Error).message} — make DATA_DIR a writable directory`,
    );
  }
  db.pragma("journal_mode = WAL");
  db.pragma("foreign_keys = ON");
  // Another connection (a CLI preview beside the running bot) may hold the write lock for a moment.
  db.pragma("busy_timeout = 5000");
  const version = migrate(db, options.now ?? new Date());
  return {
    file,
    version,
    documents: documentRepo(db),
    subscriptions: subscriptionRepo(db),
    deliveries: deliveryRepo(db),
    feedback: feedbackRepo(db),
    close: () => db.close(),
  };
}
