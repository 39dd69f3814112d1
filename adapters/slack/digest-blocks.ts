import {
  citationParts,
  type Digest,
  type DigestDocument,
  digestHeading,
  isEmptyDigest,
  NOTHING_NEW,
  notListedText,
  type TopicSection,
  topicHeading,
} from "../../src/mod.js";
import { BLOCKS_MAX, type Block, context, SECTION_MAX, section } from "./blocks.js";
import { bold, escapeMrkdwn } from "./escape-mrkdwn.js";
import { escapeWithin } from "./escape-within.js";
import { citationMrkdwn, linkedTitle, quoteMrkdwn } from "./render-parts.js";

/** A digest as a Slack message: Block Kit blocks plus the plain-text notification fallback. */
export interface DigestMessage {
  text: string;
  blocks: Block[];
}

const QUOTE_MAX = 600;
/** Room kept for the heading and the "not listed" note. */
const RESERVED = 2;

function documentTitle(d: DigestDocument, n: number): string {
  const parts = citationParts(d);
  const title = linkedTitle(escapeWithin(parts.title, 300), d.url);
  return `${n}. ${bold(title)}${parts.rest ? ` ${escapeWithin(parts.rest, 200)}` : ""}`;
}

/** One section per document: its title line, then each key figure's sentence. */
function documentBlock(d: DigestDocument, n: number): Block {
  const lines = [documentTitle(d, n), ...d.figures.map((f) => `• ${quoteMrkdwn(f.quote, QUOTE_MAX)}`)];
  return section(joinWithin(lines));
}

/** One section per topic: the topic, then its passages with their sources. */
function topicBlock(t: TopicSection): Block {
  const lines = [
    bold(topicHeading(escapeWithin(t.topic, 100))),
    ...t.passages.map((p) => `• ${quoteMrkdwn(p.quote, QUOTE_MAX)} —${citationMrkdwn(p.source)}`),
  ];
  return section(joinWithin(lines));
}

/** Joins whole lines while they fit a section (each line is already escaped, so no cut can break markup). */
function joinWithin(lines: string[]): string {
  let out = "";
  for (const line of lines) {
    const next = out ? `${out}\n${line}` : line;
    if (next.length > SECTION_MAX) break;
    out = next;
  }
  return out;
}

/** The fallback text of notifications: heading and document titles, escaped. */
function fallback(d: Digest): string {
  const titles = d.documents.map((doc) => citationParts(doc).title).join(" ");
  return escapeWithin(`${digestHeading(d)}${isEmptyDigest(d) ? ` ${NOTHING_NEW}` : ` ${titles}`}`, 2000);
}

/** Renders a digest as Block Kit: at most 50 blocks, sections within 3000 characters, every text escaped. */
export function renderDigestBlocks(d: Digest): DigestMessage {
  const blocks: Block[] = [section(bold(escapeMrkdwn(digestHeading(d))))];
  if (isEmptyDigest(d)) return { text: fallback(d), blocks: [...blocks, context(NOTHING_NEW)] };
  const body = [...d.documents.map((doc, i) => documentBlock(doc, i + 1)), ...d.topics.map(topicBlock)];
  const room = BLOCKS_MAX - RESERVED;
  blocks.push(...body.slice(0, room));
  if (body.length > room) blocks.push(context(notListedText(body.length - room)));
  return { text: fallback(d), blocks };
}
