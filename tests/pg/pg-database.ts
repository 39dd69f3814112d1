import { randomBytes } from "node:crypto";
import pg from "pg";
import { describe } from "vitest";

/**
 * The PostgreSQL server the backend suites run on: TEST_DATABASE_URL (`scripts/pg-cluster.sh start` prints one).
 * Not DATABASE_URL: that would also switch every bot and CLI the tests start to PostgreSQL. Without it the
 * PostgreSQL half of each suite is skipped (tests/pg/pg-setup.ts says so once); with REQUIRE_POSTGRES=1 (CI) a
 * missing server fails the run instead.
 */
export const PG_URL = process.env.TEST_DATABASE_URL || "";

/** The tag in every PostgreSQL test's name: the run's summary counts the tests that carry it. */
export const PG_TAG = "[postgres]";

/** A `describe` for tests that need the server: named with PG_TAG, skipped when there is none. */
export function describePg(name: string, body: () => void): void {
  describe.skipIf(!PG_URL)(`${PG_TAG} ${name}`, body);
}

/** A database of its own for one test file, dropped by `drop()` (which also ends the pools made on it). */
export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

/** Creates an empty database on the test server, named uniquely so that files running in parallel never share one. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `pfb_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: async () => {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}
