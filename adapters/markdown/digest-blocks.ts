import {
  citationParts,
  type Digest,
  type DigestDocument,
  digestHeading,
  isEmptyDigest,
  NOTHING_NEW,
  type TopicSection,
  topicHeading,
} from "../../src/mod.js";
import { clipMarkup } from "./clip-markup.js";
import { escapeWithin, type MarkdownDialect } from "./dialect.js";
import { citationMd, quoteMd } from "./sections.js";

const QUOTE_MAX = 600;

function documentBlock(d: MarkdownDialect, doc: DigestDocument, n: number): string {
  const parts = citationParts(doc);
  const title = d.bold(d.link(escapeWithin(d, parts.title, 300), doc.url));
  const head = `${n}. ${title}${parts.rest ? ` ${escapeWithin(d, parts.rest, 200)}` : ""}`;
  return [head, ...doc.figures.map((f) => `• ${quoteMd(d, f.quote, QUOTE_MAX)}`)].join("\n");
}

function topicBlock(d: MarkdownDialect, t: TopicSection): string {
  const lines = t.passages.map((p) => `• ${quoteMd(d, p.quote, QUOTE_MAX)} —${citationMd(d, p.source)}`);
  return [d.bold(topicHeading(escapeWithin(d, t.topic, 100))), ...lines].join("\n");
}

/** A digest as markdown blocks: its heading, one block per new document, one per topic; every text escaped. */
export function digestBlocks(d: MarkdownDialect, digest: Digest): string[] {
  const heading = d.bold(d.escape(digestHeading(digest)));
  if (isEmptyDigest(digest)) return [`${heading}\n${NOTHING_NEW}`];
  return [
    heading,
    ...digest.documents.map((doc, i) => documentBlock(d, doc, i + 1)),
    ...digest.topics.map((t) => topicBlock(d, t)),
  ];
}

/**
 * Packs blocks into as few messages as `fits` allows, in order, cutting only between blocks — or, for a block
 * too large on its own, between its lines (each line already escaped, so no cut breaks markup); a single line
 * too large is clipped.
 */
export function packBlocks(blocks: string[], fits: (text: string) => boolean, joiner = "\n\n"): string[] {
  const pieces = blocks.flatMap((b) => (fits(b) ? [b] : splitLines(b, fits)));
  const out: string[] = [];
  let current = "";
  for (const p of pieces) {
    const next = current ? `${current}${joiner}${p}` : p;
    if (current && !fits(next)) {
      out.push(current);
      current = p;
    } else current = next;
  }
  if (current) out.push(current);
  return out;
}

function splitLines(block: string, fits: (text: string) => boolean): string[] {
  return packBlocks(
    block.split("\n").map((line) => clip(line, fits)),
    fits,
    "\n",
  );
}

function clip(line: string, fits: (text: string) => boolean): string {
  let out = line;
  while (out.length > 1 && !fits(out)) out = clipMarkup(line, Math.floor(out.length * 0.9));
  return out;
}
