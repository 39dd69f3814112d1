import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PG_MIGRATIONS } from "../../src/pg/migrations.js";
import { tempDataDir } from "../digest/helpers.js";
import { createTestDatabase, describePg, type TestDatabase } from "../pg/pg-database.js";
import { runCli } from "./run-entry.js";

// `npm run cli -- migrate` as a process: the command table, its usage and exit codes.
describe("npm run cli -- migrate", () => {
  it("usage mistakes exit 2 with the command's usage; --help exits 0; no DATABASE_URL exits 1", async () => {
    const env = { DATABASE_URL: undefined, DATA_DIR: tempDataDir() };
    const [twoFiles, badFlag, help, noUrl] = await Promise.all([
      runCli(["migrate", "--from-sqlite", "a.sqlite", "b.sqlite"], { env }),
      runCli(["migrate", "--from-sqlit"], { env }),
      runCli(["migrate", "--help"], { env }),
      runCli(["migrate"], { env }),
    ]);
    expect(twoFiles.code).toBe(2);
    expect(twoFiles.err).toContain("one SQLite file at most");
    expect(twoFiles.err).toContain("usage: npm run cli -- migrate [--from-sqlite [FILE]]");
    expect(badFlag).toMatchObject({ code: 2 });
    expect(badFlag.err).toContain('unknown option "--from-sqlit"');
    expect(help.code).toBe(0);
    expect(help.out).toContain("--from-sqlite: then copy the SQLite store");
    expect(noUrl.code).toBe(1);
    expect(noUrl.err).toContain("migrate needs DATABASE_URL");
  });
});

describePg("npm run cli -- migrate", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db.drop();
  });

  it("migrates the database at DATABASE_URL and prints its version", async () => {
    const r = await runCli(["migrate"], { env: { DATABASE_URL: db.url } });
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toContain(`schema version ${PG_MIGRATIONS.length}`);
  });
});
