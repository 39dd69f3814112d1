import type { PgPool } from "../../pg/pool.js";
import { type DocumentRepo, type DocumentRow, toDocument } from "../documents.js";

/** The documents table on PostgreSQL: one statement a batch, so a batch is recorded whole or not at all. */
export function postgresDocumentRepo(pool: PgPool): DocumentRepo {
  return {
    recordSeen: async (docs, now) => {
      if (!docs.length) return 0;
      const r = await pool.query(
        `INSERT INTO documents (hash, file, title, publisher, date, first_seen)
         SELECT d.hash, d.file, d.title, d.publisher, d.date, $6
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) AS d(hash, file, title, publisher, date)
         ON CONFLICT (hash) DO NOTHING`,
        [
          docs.map((d) => d.hash),
          docs.map((d) => d.doc),
          docs.map((d) => d.title),
          docs.map((d) => d.publisher),
          docs.map((d) => d.date),
          now.toISOString(),
        ],
      );
      return r.rowCount ?? 0;
    },
    firstSeenBetween: async (from, until) =>
      (
        await pool.query<DocumentRow>(
          "SELECT * FROM documents WHERE first_seen > $1 AND first_seen <= $2 ORDER BY first_seen, file",
          [from.toISOString(), until.toISOString()],
        )
      ).rows.map(toDocument),
    all: async () =>
      (await pool.query<DocumentRow>("SELECT * FROM documents ORDER BY first_seen, file")).rows.map(
        toDocument,
      ),
  };
}
