import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { openReplica, type Replica } from "../../adapters/open-replica.js";
import { createEngine } from "../../src/engine.js";
import { postgresPassageIndex } from "../../src/index/postgres/postgres-passage-index.js";
import { loadGazetteer } from "../../src/lexicon/places.js";
import { ADVISORY_LOCKS } from "../../src/pg/locks.js";
import { openPool, type PgPool } from "../../src/pg/pool.js";
import { createTestDatabase, describePg, type TestDatabase } from "../pg/pg-database.js";
import { runCli } from "./run-entry.js";

const QUESTION = "渝北区新增公共停车位多少";

let db: TestDatabase;
let admin: PgPool;
let root: string;
let bot: Replica;
let elsewhere: Replica;
const elsewhereLog: string[] = [];

const indexed = async () =>
  (await admin.query<{ doc: string }>("SELECT doc FROM index_documents ORDER BY doc")).rows.map((r) => r.doc);

const figure = async (r: Replica) => {
  const reply = await r.engine.ask(QUESTION);
  return reply.kind === "answer" ? (reply.answers[0]?.figure?.text ?? null) : null;
};

describePg("cli ingest and the other commands with DATABASE_URL", () => {
  beforeAll(async () => {
    db = await createTestDatabase();
    admin = openPool(db.url);
    root = mkdtempSync(join(tmpdir(), "ingest-pg-"));
    // The shared corpus directory: the first bot to sync the empty index claims it.
    cpSync("seeds", join(root, "corpus"), { recursive: true });
    bot = await openReplica(
      db.url,
      { corpusDir: join(root, "corpus") },
      { startSync: "try", listen: true, log: () => {} },
    );
    // A bot on another host whose corpus directory is its own seeds copy: it answers, and never syncs.
    cpSync("seeds", join(root, "other-host"), { recursive: true });
    elsewhere = await openReplica(
      db.url,
      { corpusDir: join(root, "other-host") },
      { startSync: "try", listen: true, log: (l) => elsewhereLog.push(l) },
    );
  });
  afterAll(async () => {
    await bot?.close();
    await elsewhere?.close();
    await admin?.end();
    await db?.drop();
    rmSync(root, { recursive: true, force: true });
  });

  it("syncs the files it added to the shared directory into PostgreSQL, so a replica elsewhere answers from them", async () => {
    const file = join(root, "yubei.txt");
    writeFileSync(
      file,
      "渝北区停车设施建设加快推进\n\n今年以来，渝北区新增公共停车位1.2万个，有效缓解停车难。\n",
    );
    const env = { CORPUS_DIR: join(root, "corpus"), DATA_DIR: join(root, "data"), DATABASE_URL: db.url };
    const r = await runCli(["ingest", file], { env });
    expect(r.out.split("\n").slice(-2)).toEqual(["PostgreSQL index: 1 added, 0 updated, 0 removed", ""]);
    expect(r.code).toBe(0);
    // Recorded as seen for the digests (the store shares the database).
    const seen = await admin.query<{ file: string }>("SELECT file FROM documents");
    expect(seen.rows.map((row) => row.file)).toContain("yubei.txt");
    await vi.waitFor(async () => expect(await figure(elsewhere)).toBe("1.2万个"), {
      timeout: 30_000,
      interval: 100,
    });
    expect(elsewhereLog.filter((l) => l.includes("is not synced into the shared index"))).toHaveLength(1);
  });

  it("answers from the shared index in a command with another DATA_DIR (its own seeds copy), removing nothing", async () => {
    const env = { CORPUS_DIR: undefined, DATA_DIR: join(root, "another-data-dir"), DATABASE_URL: db.url };
    const ask = await runCli(["ask", QUESTION], { env });
    expect(ask.out).toContain("【1.2万个】");
    const sources = await runCli(["sources"], { env });
    expect(sources.out.trim().split("\n")).toHaveLength(6);
    expect(await indexed()).toContain("yubei.txt");
    // A command does not sync: nothing is said about its directory.
    expect(ask.err).not.toContain("is not synced");
  });

  it("refuses to sync from a directory that is not the shared one (exit 4), and says what to do", async () => {
    const file = join(root, "local.txt");
    writeFileSync(file, "江北区新增公共停车位3000个。\n");
    const dataDir = join(root, "fresh-host");
    const env = { CORPUS_DIR: undefined, DATA_DIR: dataDir, DATABASE_URL: db.url };
    const r = await runCli(["ingest", file], { env });
    expect(r.out).toContain("✓ added local.txt");
    expect(r.out).toContain(
      `✗ not synced into PostgreSQL: corpus directory ${join(dataDir, "corpus")} is not synced into the shared index: it has no .corpus-id`,
    );
    expect(r.out).toContain("`npm run cli -- ingest` into that directory");
    expect(r.err).not.toContain("is not synced into the shared index"); // said once, on stdout
    expect(r.code).toBe(4);
    expect(await indexed()).toContain("yubei.txt");
    expect(await indexed()).not.toContain("local.txt");
  });

  it("says a file is already indexed when a replica synced it while ingest waited for the lock", async () => {
    const file = join(root, "beibei.txt");
    writeFileSync(file, "北碚区新增公共停车位5000个。\n");
    const holder = new pg.Client({ connectionString: db.url });
    await holder.connect();
    await holder.query("SELECT pg_advisory_lock($1)", [ADVISORY_LOCKS.corpusSync.toString()]);
    const env = { CORPUS_DIR: join(root, "corpus"), DATA_DIR: join(root, "data"), DATABASE_URL: db.url };
    const ingest = runCli(["ingest", file], { env });
    // Another replica (its file watch) syncs the file while holding the lock ingest waits for.
    await vi.waitFor(() => expect(existsSync(join(root, "corpus", "beibei.txt"))).toBe(true), {
      timeout: 30_000,
    });
    const other = await createEngine({
      corpusDir: join(root, "corpus"),
      passageIndex: postgresPassageIndex(admin, loadGazetteer()),
    });
    expect((await other.sync()).added).toEqual(["beibei.txt"]);
    await holder.query("SELECT pg_advisory_unlock($1)", [ADVISORY_LOCKS.corpusSync.toString()]);
    await holder.end();
    const r = await ingest;
    expect(r.out.split("\n").at(-2)).toBe(
      "PostgreSQL index: 0 added, 0 updated, 0 removed; 1 already indexed (a replica synced it first)",
    );
    expect(r.code).toBe(0);
  });

  it("says in one line that the files are in the corpus when the database cannot be reached", async () => {
    const file = join(root, "later.txt");
    writeFileSync(file, "江北区新增公共停车位3000个。\n");
    const env = {
      CORPUS_DIR: join(root, "corpus"),
      DATA_DIR: join(root, "data"),
      DATABASE_URL: "postgres://nobody@127.0.0.1:1/nowhere",
    };
    const r = await runCli(["ingest", file], { env });
    expect(r.out).toContain("✓ added later.txt");
    expect(r.out).toMatch(
      /✗ not synced into PostgreSQL \(.*127\.0\.0\.1:1.*\): a replica's next sync takes the files\n$/,
    );
    expect(r.code).toBe(4);
  });
});
