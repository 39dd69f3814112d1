import {
  buildDigest,
  type Citation,
  type Config,
  DEFAULT_TIME_ZONE,
  type Digest,
  digestHeading,
  type Engine,
  isEmptyDigest,
  localParts,
  NOTHING_NEW,
  openStore,
  previousDate,
  type Quote,
  seenDocuments,
  startOfLocalDate,
} from "../../src/mod.js";

function quoteText(q: Quote): string {
  let out = "";
  let at = 0;
  for (const [s, e] of q.highlights) {
    if (s < at) continue;
    out += `${q.text.slice(at, s)}【${q.text.slice(s, e)}】`;
    at = e;
  }
  return out + q.text.slice(at);
}

function sourceText(c: Pick<Citation, "title" | "doc" | "publisher" | "date">): string {
  return [c.title ? `《${c.title}》` : c.doc, c.publisher, c.date].filter(Boolean).join(" ");
}

/** A digest as plain text: figures and topic words in 【】, as the terminal chat marks answers. */
export function renderDigestText(d: Digest): string {
  const lines = [digestHeading(d)];
  if (isEmptyDigest(d)) return [...lines, NOTHING_NEW].join("\n");
  d.documents.forEach((doc, i) => {
    lines.push("", `${i + 1}. ${sourceText(doc)}  [${doc.doc}]`);
    for (const f of doc.figures) lines.push(`   • ${quoteText(f.quote)}`);
  });
  for (const t of d.topics) {
    lines.push("", `话题：${t.topic}`);
    for (const p of t.passages)
      lines.push(`   • ${quoteText(p.quote)} —${sourceText(p.source)} · 第${p.source.paragraph}段`);
  }
  return lines.join("\n");
}

/** What `digest` was asked for: a preview of the documents first seen since a local date, about some topics. */
export interface DigestRequest {
  preview: boolean;
  /** YYYY-MM-DD; null: yesterday. */
  since: string | null;
  topics: string[];
}

/** Why a digest request cannot run (a usage mistake, said before the index is loaded), or null. */
export function digestRequestProblem(r: DigestRequest): string | null {
  if (!r.preview) return "digest needs --preview (digests are sent by the running bot; this prints one)";
  if (r.since !== null && !/^\d{4}-\d{2}-\d{2}$/.test(r.since))
    return `--since wants a date YYYY-MM-DD, got "${r.since}"`;
  return null;
}

/**
 * `digest --preview`: records the corpus documents in the store (so a fresh checkout lists every seed), then
 * prints the documents first seen since the given local date (default yesterday, Asia/Shanghai). Returns the exit code.
 */
export async function runDigestCli(
  engine: Engine,
  config: Config,
  parsed: DigestRequest,
  now = new Date(),
): Promise<number> {
  const store = await openStore(config.DATA_DIR, { databaseUrl: config.DATABASE_URL });
  try {
    await store.documents.recordSeen(seenDocuments(engine.documents), now);
    const today = localParts(now, DEFAULT_TIME_ZONE).date;
    const from = startOfLocalDate(parsed.since ?? previousDate(today), DEFAULT_TIME_ZONE);
    // first_seen is compared strictly after `from`: step back a millisecond to include the day's first instant.
    const docs = await store.documents.firstSeenBetween(new Date(from.getTime() - 1), now);
    const digest = await buildDigest(engine, docs, parsed.topics, today, true);
    process.stdout.write(`${renderDigestText(digest)}\n`);
    return 0;
  } finally {
    await store.close();
  }
}
