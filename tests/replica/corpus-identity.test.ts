import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, expect, it, vi } from "vitest";
import { openReplica, type Replica, type ReplicaOptions } from "../../adapters/open-replica.js";
import type { Engine } from "../../src/engine.js";
import { migratePg } from "../../src/pg/migrations.js";
import { openPool, type PgPool } from "../../src/pg/pool.js";
import { CORPUS_ID_FILE } from "../../src/replica/corpus-identity.js";
import { createTestDatabase, describePg, type TestDatabase } from "../pg/pg-database.js";

const NEW_DOC = "渝北区停车设施建设加快推进\n\n今年以来，渝北区新增公共停车位1.2万个，有效缓解停车难。\n";
const QUESTION = "渝北区新增公共停车位多少";

let db: TestDatabase;
let admin: PgPool;
let root: string;
const opened: Replica[] = [];

/** A corpus directory of its own, made from the seeds (as a fresh host's default corpus is). */
function seedsCopy(name: string): string {
  const dir = join(root, name);
  cpSync("seeds", dir, { recursive: true });
  return dir;
}

/** A bot-like replica over `dir`; its log lines in the returned array. */
async function replica(dir: string, o: Partial<ReplicaOptions> = {}) {
  const log: string[] = [];
  const r = await openReplica(
    db.url,
    { corpusDir: dir },
    { startSync: "try", listen: true, pollMs: 3_600_000, log: (l) => log.push(l), ...o },
  );
  opened.push(r);
  return { ...r, log };
}

const figure = async (engine: Engine, q: string) => {
  const r = await engine.ask(q);
  return r.kind === "answer" ? (r.answers[0]?.figure?.text ?? null) : null;
};

const indexed = async () =>
  (await admin.query<{ doc: string }>("SELECT doc FROM index_documents ORDER BY doc")).rows.map((r) => r.doc);

describePg("the shared corpus directory's id", () => {
  beforeEach(async () => {
    db = await createTestDatabase();
    admin = openPool(db.url);
    await migratePg(admin, new Date("2026-01-01T00:00:00Z"));
    root = mkdtempSync(join(tmpdir(), "corpus-id-"));
  });
  afterEach(async () => {
    for (const r of opened.splice(0)) await r.close();
    await admin.end();
    await db.drop();
    rmSync(root, { recursive: true, force: true });
  });

  it("is claimed by the first replica to sync the empty index: its directory gets the id the database keeps", async () => {
    const shared = seedsCopy("shared");
    const a = await replica(shared);
    expect(a.started?.kind).toBe("synced");
    const id = readFileSync(join(shared, CORPUS_ID_FILE), "utf8").trim();
    const row = await admin.query("SELECT id, directory FROM corpus_identity");
    expect(row.rows).toEqual([{ id, directory: shared }]);
    expect(a.log).toContain(
      `corpus: ${shared} claimed as the shared corpus directory (its id is in .corpus-id)`,
    );
    // The id file is no document.
    expect(await indexed()).toHaveLength(5);
  });

  it("keeps another replica's document when a replica over another directory (a seeds copy) starts and syncs", async () => {
    const a = await replica(seedsCopy("shared"));
    writeFileSync(join(root, "shared", "yubei.txt"), NEW_DOC);
    await a.engine.sync();
    const other = seedsCopy("other-host");
    const b = await replica(other);
    expect(b.started?.kind).toBe("not-shared");
    writeFileSync(join(other, "local.txt"), "江北区新增公共停车位3000个。\n");
    expect((await b.engine.sync()).added).toEqual([]);
    await b.engine.sync();
    expect(await indexed()).toContain("yubei.txt");
    expect(await indexed()).not.toContain("local.txt");
    expect(await figure(b.engine, QUESTION)).toBe("1.2万个");
    expect(existsSync(join(other, CORPUS_ID_FILE))).toBe(false);
    // One line, said once: why, and what to do.
    const said = b.log.filter((l) => l.includes("is not synced into the shared index"));
    expect(said).toHaveLength(1);
    expect(said[0]).toContain(
      `corpus directory ${other} is not synced into the shared index: it has no .corpus-id`,
    );
    expect(said[0]).toContain(
      `mount the shared corpus directory (${join(root, "shared")} where it was claimed) at ${other}`,
    );
    expect(said[0]).toContain("`npm run cli -- ingest`");
  });

  it("syncs from a directory once the shared volume is mounted there (the id file appears)", async () => {
    const shared = seedsCopy("shared");
    await replica(shared);
    const mount = join(root, "mount");
    const b = await replica(mount);
    expect(b.started?.kind).toBe("not-shared");
    cpSync(shared, mount, { recursive: true });
    writeFileSync(join(mount, "yubei.txt"), NEW_DOC);
    expect((await b.engine.sync()).added).toEqual(["yubei.txt"]);
    expect(b.log.at(-1)).toBe(`corpus: ${mount} is the shared corpus directory now; syncing from it`);
  });

  it("records the documents another replica added, after the refresh that brought them", async () => {
    const a = await replica(seedsCopy("shared"));
    const recorded: string[][] = [];
    await replica(seedsCopy("other-host"), {
      pollMs: 50,
      onDocuments: async (e) => {
        recorded.push([...e.documents.docs.keys()]);
      },
    });
    writeFileSync(join(root, "shared", "yubei.txt"), NEW_DOC);
    await a.engine.sync();
    await vi.waitFor(() => expect(recorded.at(-1)).toContain("yubei.txt"), { timeout: 30_000 });
  });
});
