import type { Database } from "better-sqlite3";

/** A corpus document as the caller knows it now; `hash` is the content hash of its file. */
export interface SeenDocument {
  doc: string;
  hash: string;
  title: string | null;
  publisher: string | null;
  date: string | null;
}

/** A document the store has seen, with when it was first seen (ISO time). */
export interface StoredDocument {
  hash: string;
  file: string;
  title: string | null;
  publisher: string | null;
  date: string | null;
  firstSeen: string;
}

/** Which documents were seen when: the basis of "new since the last digest". */
export interface DocumentRepo {
  /** Inserts unknown hashes with first_seen = now; known ones are left alone. Returns how many were new. */
  recordSeen(docs: SeenDocument[], now: Date): Promise<number>;
  /** Documents first seen after `from` and no later than `until`, oldest first. */
  firstSeenBetween(from: Date, until: Date): Promise<StoredDocument[]>;
  /** Every document, oldest first. */
  all(): Promise<StoredDocument[]>;
}

/** A documents row as both backends return it. */
export interface DocumentRow {
  hash: string;
  file: string;
  title: string | null;
  publisher: string | null;
  date: string | null;
  first_seen: string;
}

/** A row as a StoredDocument. */
export const toDocument = (r: DocumentRow): StoredDocument => ({
  hash: r.hash,
  file: r.file,
  title: r.title,
  publisher: r.publisher,
  date: r.date,
  firstSeen: r.first_seen,
});

/** The documents table. */
export function documentRepo(db: Database): DocumentRepo {
  const insert = db.prepare(
    `INSERT INTO documents (hash, file, title, publisher, date, first_seen) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (hash) DO NOTHING`,
  );
  const between = db.prepare(
    "SELECT * FROM documents WHERE first_seen > ? AND first_seen <= ? ORDER BY first_seen, file",
  );
  const all = db.prepare("SELECT * FROM documents ORDER BY first_seen, file");
  const recordAll = db.transaction((docs: SeenDocument[], at: string) => {
    let added = 0;
    for (const d of docs) added += insert.run(d.hash, d.doc, d.title, d.publisher, d.date, at).changes;
    return added;
  });
  return {
    recordSeen: async (docs, now) => recordAll(docs, now.toISOString()),
    firstSeenBetween: async (from, until) =>
      (between.all(from.toISOString(), until.toISOString()) as DocumentRow[]).map(toDocument),
    all: async () => (all.all() as DocumentRow[]).map(toDocument),
  };
}
