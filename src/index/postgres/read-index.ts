import type { Article, DocumentMeta, Passage } from "../../corpus/types.js";
import type { PgPool } from "../../pg/pool.js";
import type { PassageFacts } from "../corpus-index.js";
import type {
  IndexedDocument,
  StoredPassage,
  TermFrequencies,
  VersionedDocuments,
} from "../passage-index.js";

/** Passages and facts by id, in the order asked (an id asked twice comes twice); unknown ids are left out. */
export async function loadPassages(pool: PgPool, ids: number[]): Promise<StoredPassage[]> {
  if (ids.length === 0) return [];
  const r = await pool.query<{ id: string; passage: Passage; facts: PassageFacts }>(
    "SELECT id, passage, facts FROM index_passages WHERE id = ANY($1::bigint[])",
    [[...new Set(ids)]],
  );
  const byId = new Map(r.rows.map((row) => [Number(row.id), { passage: row.passage, facts: row.facts }]));
  return ids.flatMap((id) => {
    const found = byId.get(id);
    return found ? [found] : [];
  });
}

/** Document frequencies of the tokens and the live passage count, read in one statement (one snapshot). */
export async function termFrequencies(pool: PgPool, tokens: string[]): Promise<TermFrequencies> {
  const r = await pool.query<{ passages: string; token: string | null; df: number | null }>(
    `SELECT s.passages, t.token, t.df FROM index_stats s
     LEFT JOIN index_terms t ON t.token = ANY($1::text[])`,
    [tokens],
  );
  const found = new Map(
    r.rows.flatMap((row) => (row.token === null ? [] : [[row.token, row.df ?? 0] as const])),
  );
  return {
    passages: Number(r.rows[0]?.passages ?? 0),
    df: new Map(tokens.map((t) => [t, found.get(t) ?? 0])),
  };
}

/** Every document, in the order of addition (a replaced document counts as added when it was replaced). */
export async function listDocuments(pool: PgPool): Promise<IndexedDocument[]> {
  return (await listVersionedDocuments(pool)).documents;
}

/**
 * Every document, with the corpus version they are as of: one statement, so one snapshot (a refresh that reads
 * them can tell that another refresh already applied a later state).
 */
export async function listVersionedDocuments(pool: PgPool): Promise<VersionedDocuments> {
  const r = await pool.query<{
    version: string;
    meta: DocumentMeta | null;
    articles: Article[];
    article_years: Array<[number, number[]]>;
    home: string | null;
    hash: string | null;
    first_passage: string;
    passage_count: number;
  }>(
    `SELECT s.version, d.meta, d.articles, d.article_years, d.home, d.hash, d.first_passage, d.passage_count
     FROM index_stats s LEFT JOIN index_documents d ON TRUE ORDER BY d.added`,
  );
  const documents = r.rows.flatMap((row) =>
    row.meta === null
      ? []
      : [
          {
            meta: row.meta,
            articles: row.articles,
            home: row.home,
            articleYears: row.article_years,
            hash: row.hash,
            passageIds: Array.from({ length: row.passage_count }, (_v, i) => Number(row.first_passage) + i),
          },
        ],
  );
  return { version: Number(r.rows[0]?.version ?? 0), documents };
}
