import { readFileSync } from "node:fs";
import { isDeepStrictEqual } from "node:util";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { listDocumentFiles, loadDocument, readManifest } from "../../src/corpus/load.js";
import { parseDocument } from "../../src/corpus/parse-document.js";
import { createIndex, type IndexInput } from "../../src/index/corpus-index.js";
import { embeddedPassageIndex } from "../../src/index/embedded-passage-index.js";
import type { PassageIndex } from "../../src/index/passage-index.js";
import { postgresPassageIndex } from "../../src/index/postgres/postgres-passage-index.js";
import { searchStatement } from "../../src/index/postgres/search-passages.js";
import { searchTokens } from "../../src/index/tokens.js";
import { loadGazetteer } from "../../src/lexicon/places.js";
import { migratePg } from "../../src/pg/migrations.js";
import { openPool, type PgPool } from "../../src/pg/pool.js";
import { normalizeQuery } from "../../src/text/script.js";
import { loadSegmenter } from "../../src/text/segment.js";
import { createTestDatabase, describePg, type TestDatabase } from "../pg/pg-database.js";

const gazetteer = loadGazetteer();

/** A small document as the corpus reader would give it. */
function doc(name: string, text: string, title: string | null = null, hash?: string): IndexInput {
  const parsed = parseDocument(name, text, { title, date: "2025-03-01" });
  return hash ? { ...parsed, hash } : parsed;
}

const SCHOOLS = doc(
  "schools.txt",
  "重庆新增学位28万个。\n全市新建学校151所，新增学位覆盖主城。\n到2027年，力争新增学位10万个。\n",
  "重庆教育发展报告",
  "h1",
);
const TEACHERS = doc("teachers.txt", "沙坪坝区招聘教师1200名。\n教师培训覆盖全区学校。\n", "沙坪坝教育");
const HOSPITALS = doc("hospitals.txt", "成都新建医院12所，床位增加3000张。\n", "成都卫生");

/** The behaviours a user of either backend relies on; `fresh` gives an empty index each time. */
function sharedSuite(fresh: () => Promise<PassageIndex>): void {
  let ix: PassageIndex;
  beforeEach(async () => {
    ix = await fresh();
  });

  it("finds every passage holding any of the words, best first, ties by id, at most the limit", async () => {
    await ix.add([SCHOOLS, TEACHERS, HOSPITALS]);
    const hits = await ix.search(["学位", "教师"], 100);
    const texts = (await ix.load(hits.map((h) => h.id))).map((p) => p.passage.text);
    expect(texts.every((t) => t.includes("学位") || t.includes("教师"))).toBe(true);
    expect(texts).toHaveLength(5);
    for (let i = 1; i < hits.length; i++) {
      const [a, b] = [hits[i - 1], hits[i]] as [{ id: number; score: number }, { id: number; score: number }];
      expect(a.score > b.score || (a.score === b.score && a.id < b.id)).toBe(true);
    }
    expect(await ix.search(["学位", "教师"], 2)).toEqual(hits.slice(0, 2));
  });

  it("finds nothing for no words, for words no passage holds, or for a zero limit", async () => {
    await ix.add([SCHOOLS]);
    expect(await ix.search([], 10)).toEqual([]);
    expect(await ix.search(["航天"], 10)).toEqual([]);
    expect(await ix.search(["学位"], 0)).toEqual([]);
  });

  it("finds a passage by a token longer than a PostgreSQL lexeme may be", async () => {
    // Sentences are cut at 200 characters, so such tokens come only from a caller's own segmentation.
    const code = "x".repeat(600);
    const codes = doc("codes.txt", "登记编号已公开。\n登记编号未公开。\n");
    await ix.add([
      {
        ...codes,
        tokens: [
          ["登记", code],
          ["登记", `${code}y`],
        ],
      },
    ]);
    expect((await ix.search([code], 10)).map((h) => h.id)).toEqual([0]);
  });

  it("numbers a document's passages contiguously in document order, each passage carrying its own id", async () => {
    await ix.add([SCHOOLS, TEACHERS]);
    const [schools, teachers] = await ix.documents();
    expect(schools?.passageIds).toEqual([0, 1, 2]);
    expect(teachers?.passageIds).toEqual([3, 4]);
    const loaded = await ix.load([4, 0, 99, 1]);
    expect(loaded.map((p) => p.passage.id)).toEqual([4, 0, 1]);
    expect(loaded[0]?.passage.text).toBe("教师培训覆盖全区学校。");
  });

  it("keeps what ranking needs of each passage and document: places, years, goals, home", async () => {
    await ix.add([SCHOOLS, TEACHERS]);
    const [achieved, goal, district] = await ix.load([0, 2, 3]);
    expect(achieved?.facts).toMatchObject({ places: [], years: [], target: false });
    expect(goal?.passage.text).toBe("到2027年，力争新增学位10万个。");
    expect(goal?.facts).toMatchObject({ years: [2027], target: true, period: { role: "long-range" } });
    // The place a document is about is its home, not a scope its passages name.
    expect(district?.facts.places).toEqual([]);
    expect((await ix.documents())[1]?.home).toBe("沙坪坝");
    const [home] = await ix.documents();
    expect(home).toMatchObject({ home: "重庆", hash: "h1", articleYears: [[0, [2027]]] });
    expect(home?.meta).toMatchObject({ doc: "schools.txt", title: "重庆教育发展报告", place: "重庆" });
  });

  it("counts the passages holding each word, 0 for a word none holds", async () => {
    await ix.add([SCHOOLS, TEACHERS]);
    const f = await ix.frequencies(["学位", "教师", "航天"]);
    expect(f.passages).toBe(5);
    expect([...f.df]).toEqual([
      ["学位", 3],
      ["教师", 2],
      ["航天", 0],
    ]);
  });

  it("replaces a document added again under its name: the old passages go, the new ones come last", async () => {
    await ix.add([SCHOOLS, TEACHERS]);
    await ix.add([doc("schools.txt", "重庆新增学位30万个。\n", "重庆教育发展报告", "h2")]);
    const docs = await ix.documents();
    expect(docs.map((d) => [d.meta.doc, d.hash, d.passageIds])).toEqual([
      ["teachers.txt", null, [3, 4]],
      ["schools.txt", "h2", [5]],
    ]);
    expect((await ix.frequencies(["学位"])).df.get("学位")).toBe(1);
    const hits = await ix.search(["学位"], 10);
    expect((await ix.load(hits.map((h) => h.id))).map((p) => p.passage.text)).toEqual([
      "重庆新增学位30万个。",
    ]);
    expect(await ix.load([0, 1, 2])).toEqual([]);
  });

  it("removes a document from search, load, counts and the document list; an unknown one is no error", async () => {
    await ix.add([SCHOOLS, TEACHERS]);
    await ix.remove("schools.txt");
    await ix.remove("nowhere.txt");
    expect((await ix.documents()).map((d) => d.meta.doc)).toEqual(["teachers.txt"]);
    expect(await ix.search(["学位"], 10)).toEqual([]);
    expect(await ix.load([0, 3])).toHaveLength(1);
    const f = await ix.frequencies(["学位", "教师"]);
    expect([f.passages, f.df.get("学位"), f.df.get("教师")]).toEqual([2, 0, 2]);
  });
}

describe("the embedded passage index", () => {
  sharedSuite(async () => embeddedPassageIndex(createIndex(gazetteer)));
});

let db: TestDatabase;
let pool: PgPool;

/** Empties the index tables (one database per file; each test starts from nothing). */
async function emptyIndex(p: PgPool): Promise<void> {
  await p.query("TRUNCATE index_postings, index_passages, index_documents, index_terms");
  await p.query(
    "UPDATE index_stats SET passages = 0, total_length = 0, next_passage = 0, next_document = 0, unvacuumed = 0",
  );
}

describePg("the PostgreSQL passage index", () => {
  beforeAll(async () => {
    loadSegmenter();
    db = await createTestDatabase();
    pool = openPool(db.url);
    await migratePg(pool, new Date("2026-01-01T00:00:00Z"));
  });
  afterAll(async () => {
    await pool?.end();
    await db?.drop();
  });

  sharedSuite(async () => {
    await emptyIndex(pool);
    return postgresPassageIndex(pool, gazetteer);
  });

  it("never shows a reader half of a document being added", async () => {
    await emptyIndex(pool);
    const ix = postgresPassageIndex(pool, gazetteer);
    const big = doc(
      "big.txt",
      Array.from({ length: 3000 }, (_v, i) => `第${i}项新增学位${i}个。\n`).join(""),
    );
    let done = false;
    const adding = ix.add([big]).finally(() => {
      done = true;
    });
    const seen = new Set<string>();
    while (!done) {
      const [f, docs] = await Promise.all([ix.frequencies(["学位"]), ix.documents()]);
      seen.add(`${f.passages}/${f.df.get("学位")}`);
      seen.add(`docs ${docs.map((d) => d.passageIds.length).join(",")}`);
    }
    await adding;
    const after = await ix.frequencies(["学位"]);
    seen.add(`${after.passages}/${after.df.get("学位")}`);
    for (const s of seen) expect(["0/0", "3000/3000", "docs ", "docs 3000"]).toContain(s);
  });

  it("lets two writers add at once: each document's ids contiguous, the counts exact", async () => {
    await emptyIndex(pool);
    const other = openPool(db.url);
    try {
      await Promise.all([
        postgresPassageIndex(pool, gazetteer).add([SCHOOLS, HOSPITALS]),
        postgresPassageIndex(other, gazetteer).add([TEACHERS]),
      ]);
    } finally {
      await other.end();
    }
    const ix = postgresPassageIndex(pool, gazetteer);
    const ids = (await ix.documents()).flatMap((d) => d.passageIds);
    expect([...ids].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5]);
    const f = await ix.frequencies(["学位", "教师", "新建"]);
    expect([f.passages, ...f.df.values()]).toEqual([6, 3, 2, 2]);
  });
});

/** The documents of a corpus directory as the engine reads them (segmented once, as its loading worker does). */
async function readCorpus(dir: string): Promise<IndexInput[]> {
  const manifest = readManifest(dir);
  const docs: IndexInput[] = [];
  for (const file of listDocumentFiles(dir)) {
    const d = await loadDocument(dir, file, manifest.get(file) ?? {});
    docs.push({ ...d, tokens: d.passages.map((p) => searchTokens(p.norm)) });
  }
  return docs;
}

/** The search tokens of every golden question and claim over the seeds and the 12 reports. */
function questionTokens(): string[][] {
  const golden = readFileSync("tests/golden/ask.jsonl", "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => (JSON.parse(l) as { q: string }).q);
  const reports = readFileSync("tests/fixtures/reports-dev-questions.txt", "utf8")
    .split("\n")
    .filter((l) => l.trim() && !l.startsWith("#"));
  return [...golden, ...reports].map((q) => searchTokens(normalizeQuery(q))).filter((t) => t.length > 0);
}

/** Whether two values are equal as JSON (PostgreSQL's jsonb keeps no key order; JSON drops undefined fields). */
function sameJson(a: unknown, b: unknown): boolean {
  return isDeepStrictEqual(JSON.parse(JSON.stringify(a)), JSON.parse(JSON.stringify(b)));
}

/** Every difference between the two indexes over the questions' tokens (hits, scores, passages, frequencies). */
async function differences(a: PassageIndex, b: PassageIndex, questions: string[][]): Promise<string[]> {
  const out: string[] = [];
  if (!sameJson(await a.documents(), await b.documents())) out.push("other documents");
  for (const tokens of questions) {
    const q = tokens.join(" ");
    const [x, y] = [await a.search(tokens, 1000), await b.search(tokens, 1000)];
    const ids = x.map((h) => h.id);
    if (ids.length === 0) out.push(`${q}: no hits`);
    const others = y.map((h) => h.id);
    if (!sameJson(ids, others)) out.push(`${q}: other hits`);
    const off = x.findIndex((h, i) => !(Math.abs(h.score - (y[i]?.score ?? Number.NaN)) <= 1e-9));
    if (off >= 0) out.push(`${q}: score ${x[off]?.score} against ${y[off]?.score}`);
    const shown = ids.slice(0, 150);
    if (!sameJson(await a.load(shown), await b.load(shown))) out.push(`${q}: other passages`);
    const [fa, fb] = [await a.frequencies(tokens), await b.frequencies(tokens)];
    if (!sameJson([fa.passages, [...fa.df]], [fb.passages, [...fb.df]])) out.push(`${q}: other counts`);
  }
  return out;
}

/** One node of a PostgreSQL plan (EXPLAIN FORMAT JSON), with the fields the plan test reads. */
interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Actual Rows"?: number;
  "Actual Loops"?: number;
  "Heap Fetches"?: number;
  Plans?: PlanNode[];
}

/** Every node of a plan, depth first. */
function planNodes(node: PlanNode): PlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(planNodes)];
}

/** What the search of these tokens reads, per table: how (node types), how many index entries, how many rows. */
async function searchReads(p: PgPool, tokens: string[]) {
  const statement = searchStatement(tokens, 150);
  if (!statement) throw new Error(`no statement for ${tokens.join(" ")}`);
  const r = await p.query<{ "QUERY PLAN": Array<{ Plan: PlanNode }> }>(
    `EXPLAIN (ANALYZE, FORMAT JSON) ${statement.text}`,
    statement.values,
  );
  const nodes = planNodes(r.rows[0]?.["QUERY PLAN"][0]?.Plan as PlanNode).filter((n) => n["Relation Name"]);
  const on = (table: string) => nodes.filter((n) => n["Relation Name"] === table);
  const postings = on("index_postings");
  return {
    passages: on("index_passages").map((n) => n["Node Type"]),
    postings: [...new Set(postings.map((n) => n["Node Type"]))],
    entries: postings.reduce((sum, n) => sum + (n["Actual Rows"] ?? 0) * (n["Actual Loops"] ?? 1), 0),
    heapFetches: postings.reduce((sum, n) => sum + (n["Heap Fetches"] ?? 0), 0),
  };
}

describePg(
  "the PostgreSQL passage index beside the embedded one, on the seeds and 12 government work reports",
  () => {
    let own: TestDatabase;
    let ownPool: PgPool;
    let embedded: PassageIndex;
    let shared: PassageIndex;
    let docs: IndexInput[];
    const questions = questionTokens();
    beforeAll(async () => {
      docs = [...(await readCorpus("seeds")), ...(await readCorpus("tests/fixtures/gov-reports-2026"))];
      embedded = embeddedPassageIndex(createIndex(gazetteer));
      own = await createTestDatabase();
      ownPool = openPool(own.url);
      await migratePg(ownPool, new Date("2026-01-01T00:00:00Z"));
      shared = postgresPassageIndex(ownPool, gazetteer);
      for (const d of docs) {
        await embedded.add([d]);
        await shared.add([d]);
      }
    });
    afterAll(async () => {
      await ownPool?.end();
      await own?.drop();
    });

    it("answers every question's tokens with the same hits, scores, passages, frequencies and documents", async () => {
      expect(await differences(embedded, shared, questions)).toEqual([]);
    });

    it("scores from the postings index alone once documents were added one at a time, as a sync adds them", async () => {
      // Passage rows are ~2 KB: visiting one per candidate was most of a search's time at 10,000 documents.
      const reads = await searchReads(ownPool, searchTokens(normalizeQuery("重庆新增学位和教师培训多少")));
      expect(reads.passages).toEqual([]);
      expect(reads.postings).toEqual(["Index Only Scan"]);
      expect(reads.entries).toBeGreaterThan(300);
      // Only a vacuum marks pages all-visible; the adds vacuum as the index grows, so almost no posting rows are read.
      expect(reads.heapFetches).toBeLessThanOrEqual(reads.entries * 0.05);
    });

    it("stays the same after a document is removed and another replaced", async () => {
      const [gd, zj] = ["gd_gwr2026.txt", "zj_gwr2026.txt"].map((n) => docs.find((d) => d.meta.doc === n));
      if (!gd || !zj) throw new Error("the reports fixture lacks gd or zj");
      // The replacement keeps every other sentence: different passages, ids, counts and average length.
      const half = { ...zj, passages: zj.passages.filter((_p, i) => i % 2 === 0) };
      half.tokens = zj.tokens?.filter((_t, i) => i % 2 === 0);
      for (const ix of [embedded, shared]) {
        await ix.remove(gd.meta.doc);
        await ix.add([half]);
      }
      const gone = (await shared.documents()).map((d) => d.meta.doc);
      expect(gone).not.toContain("gd_gwr2026.txt");
      expect(gone.at(-1)).toBe("zj_gwr2026.txt");
      const left = (await differences(embedded, shared, questions)).filter((d) => !d.endsWith("no hits"));
      expect(left).toEqual([]);
    });
  },
);
