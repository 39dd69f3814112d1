import type { DocumentTables } from "../index/document-tables.js";
import type { SearchContext } from "../rank/search-context.js";
import type { SeenDocument, StoredDocument } from "../store/documents.js";
import type { Digest, DigestDocument } from "./digest.js";
import { keyFigures } from "./key-figures.js";
import { topicMatches } from "./topic-matches.js";

/** What a digest is built from: the engine satisfies it. */
export interface DigestSource {
  /** Runs ranking code against the corpus (on a remote passage index, with what it reads fetched first). */
  read<T>(run: (ctx: SearchContext) => T): Promise<T>;
}

/** The corpus documents as the store records them (content hash, title, publisher, date). */
export function seenDocuments(ix: Pick<DocumentTables, "docs" | "hashes">): SeenDocument[] {
  return [...ix.docs.values()].map((m) => ({
    doc: m.doc,
    // Without a content hash (an index built from parsed text) the file name stands in for it.
    hash: ix.hashes.get(m.doc) ?? `file:${m.doc}`,
    title: m.title,
    publisher: m.publisher,
    date: m.date,
  }));
}

/**
 * Builds the digest of documents first seen in a period: each still in the corpus, with its key figures,
 * then the passages of those documents about the subscription's topics.
 */
export function buildDigest(
  source: DigestSource,
  docs: StoredDocument[],
  topics: string[],
  date: string,
  preview = false,
): Promise<Digest> {
  return source.read((ctx) => composeDigest(ctx, docs, topics, date, preview));
}

function composeDigest(
  ctx: SearchContext,
  docs: StoredDocument[],
  topics: string[],
  date: string,
  preview: boolean,
): Digest {
  const files = new Set<string>();
  const documents: DigestDocument[] = [];
  for (const d of docs) {
    const meta = ctx.ix.docs.get(d.file);
    if (!meta || files.has(d.file)) continue; // removed since, or listed under an older hash too
    files.add(d.file);
    documents.push({
      doc: d.file,
      title: meta.title ?? d.title,
      publisher: meta.publisher ?? d.publisher,
      date: meta.date ?? d.date,
      url: meta.url,
      figures: keyFigures(ctx, d.file),
    });
  }
  const topicSections = topics.length ? topicMatches(ctx, files, topics) : [];
  return { date, documents, topics: topicSections, preview };
}
