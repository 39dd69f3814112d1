import { afterAll, beforeAll, expect, it } from "vitest";
import { parseDocument } from "../../src/corpus/parse-document.js";
import { createEngine } from "../../src/engine.js";
import type { PassageIndex, VersionedDocuments } from "../../src/index/passage-index.js";
import { postgresPassageIndex } from "../../src/index/postgres/postgres-passage-index.js";
import { listVersionedDocuments } from "../../src/index/postgres/read-index.js";
import { loadGazetteer } from "../../src/lexicon/places.js";
import { migratePg } from "../../src/pg/migrations.js";
import { openPool, type PgPool } from "../../src/pg/pool.js";
import { createTestDatabase, describePg, type TestDatabase } from "../pg/pg-database.js";

let db: TestDatabase;
let pool: PgPool;

/** A promise and the function that settles it. */
function gate() {
  let open = () => {};
  const opened = new Promise<void>((r) => {
    open = r;
  });
  return { open, opened };
}

describePg("a replica's refreshes", () => {
  beforeAll(async () => {
    db = await createTestDatabase();
    pool = openPool(db.url);
    await migratePg(pool, new Date("2026-01-01T00:00:00Z"));
  });
  afterAll(async () => {
    await pool.end();
    await db.drop();
  });

  it("never leave it on an older state: a slow refresh that read before a change does not undo a later one", async () => {
    const index = postgresPassageIndex(pool, loadGazetteer());
    await index.add([parseDocument("a.txt", "全市新增学位28万个。\n")]);
    // The first refresh after start reads its documents, then is held until the second has been asked for.
    const [hold, didRead, secondRead] = [gate(), gate(), gate()];
    let holdNext = false;
    const held = async <T>(read: T): Promise<T> => {
      if (holdNext) {
        holdNext = false;
        didRead.open();
        await hold.opened;
      } else secondRead.open();
      return read;
    };
    const slow: PassageIndex = {
      ...index,
      documents: async () => held(await index.documents()),
      versionedDocuments: async (): Promise<VersionedDocuments> => held(await listVersionedDocuments(pool)),
    };
    const engine = await createEngine({ corpusDir: "seeds", passageIndex: slow });
    holdNext = true;
    const first = engine.refresh();
    await didRead.opened;
    await index.add([parseDocument("b.txt", "全市新增公共停车位1.2万个。\n")]);
    const second = engine.refresh();
    // Unserialised, the second refresh reads and applies now; serialised, it waits for the first.
    await Promise.race([secondRead.opened, new Promise((r) => setTimeout(r, 300))]);
    await new Promise((r) => setTimeout(r, 50));
    hold.open();
    await Promise.all([first, second]);
    expect(engine.sources().map((d) => d.doc)).toEqual(["a.txt", "b.txt"]);
  });
});
