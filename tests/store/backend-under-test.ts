import pg from "pg";
import { afterAll, afterEach, beforeAll } from "vitest";
import { openStore, type Store } from "../../src/store/open-store.js";
import { tempDataDir } from "../digest/helpers.js";
import { createTestDatabase, type TestDatabase } from "../pg/pg-database.js";

/**
 * One store backend as the shared suites use it: `fresh()` starts an empty state, `open()` opens a store on it
 * (called twice: two replicas on one state). Every store opened is closed after each test.
 */
export interface BackendUnderTest {
  name: "sqlite" | "postgres";
  fresh(): Promise<void>;
  open(): Promise<Store>;
}

/** Closes the stores a test opened. */
function tracked(open: () => Promise<Store>) {
  const opened: Store[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((s) => s.close()));
  });
  return async () => {
    const s = await open();
    opened.push(s);
    return s;
  };
}

/** SQLite: a new DATA_DIR a test; a second open is a second connection to the same file. */
export function sqliteBackend(): BackendUnderTest {
  let dir = tempDataDir();
  return {
    name: "sqlite",
    fresh: async () => {
      dir = tempDataDir();
    },
    open: tracked(() => openStore(dir)),
  };
}

/** The store's tables, emptied between tests (the schema and the store's id stay). */
const TABLES = "documents, subscriptions, deliveries, delivery_parts, feedback";

/** PostgreSQL: a database of its own for the file, emptied before each test; each open is its own pool. */
export function postgresBackend(): BackendUnderTest & { url: () => string } {
  let db: TestDatabase | null = null;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });
  const url = () => (db as TestDatabase).url;
  return {
    name: "postgres",
    url,
    fresh: async () => {
      const c = new pg.Client({ connectionString: url() });
      await c.connect();
      try {
        const exists = await c.query("SELECT to_regclass('documents') IS NOT NULL AS e");
        if (exists.rows[0]?.e) await c.query(`TRUNCATE ${TABLES} RESTART IDENTITY CASCADE`);
      } finally {
        await c.end();
      }
    },
    open: tracked(() => openStore("", { databaseUrl: url() })),
  };
}
