import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { openReplica, type Replica } from "../../adapters/open-replica.js";
import { createTestDatabase, describePg, type TestDatabase } from "../pg/pg-database.js";
import { runCli } from "./run-entry.js";

let db: TestDatabase;
let root: string;
let bot: Replica;

describePg("cli ingest with DATABASE_URL", () => {
  beforeAll(async () => {
    db = await createTestDatabase();
    root = mkdtempSync(join(tmpdir(), "ingest-pg-"));
    cpSync("seeds", join(root, "corpus"), { recursive: true });
    // A running bot replica, listening, on another corpus directory (another host): it never reads the file.
    cpSync("seeds", join(root, "other-host"), { recursive: true });
    bot = await openReplica(
      db.url,
      { corpusDir: join(root, "other-host") },
      { startSync: "try", listen: true, log: () => {} },
    );
  });
  afterAll(async () => {
    await bot?.close();
    await db?.drop();
    rmSync(root, { recursive: true, force: true });
  });

  it("syncs the files it added into PostgreSQL, so a replica elsewhere answers from them", async () => {
    const file = join(root, "yubei.txt");
    writeFileSync(
      file,
      "渝北区停车设施建设加快推进\n\n今年以来，渝北区新增公共停车位1.2万个，有效缓解停车难。\n",
    );
    const env = { CORPUS_DIR: join(root, "corpus"), DATA_DIR: join(root, "data"), DATABASE_URL: db.url };
    const r = await runCli(["ingest", file], { env });
    expect(r.out.split("\n").slice(-2)).toEqual(["PostgreSQL index: 1 added, 0 updated, 0 removed", ""]);
    expect(r.code).toBe(0);
    await vi.waitFor(
      async () => {
        const reply = await bot.engine.ask("渝北区新增公共停车位多少");
        expect(reply.kind === "answer" ? reply.answers[0]?.figure?.text : null).toBe("1.2万个");
      },
      { timeout: 30_000, interval: 100 },
    );
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
