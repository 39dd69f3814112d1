import type { Citation, FigureView, Quote } from "../answer/reply.js";

/** A key figure of a new document: the figure, the sentence it stands in, and where. */
export interface DigestFigure {
  figure: FigureView;
  quote: Quote;
  source: Citation;
}

/** A document first seen since the last digest, with up to three key figures. */
export interface DigestDocument {
  doc: string;
  title: string | null;
  publisher: string | null;
  date: string | null;
  url: string | null;
  figures: DigestFigure[];
}

/** New passages about one of the channel's topics (学位, 教师…), the topic words emphasised. */
export interface TopicSection {
  topic: string;
  passages: Array<{ quote: Quote; source: Citation }>;
}

/** The neutral digest model every adapter renders (Telegram HTML, Slack Block Kit, plain text). */
export interface Digest {
  /** The local date the digest is for, "YYYY-MM-DD". */
  date: string;
  documents: DigestDocument[];
  topics: TopicSection[];
  /** A preview (/digest now, CLI), not a recorded delivery. */
  preview: boolean;
}

/** Whether a digest has anything to report. */
export function isEmptyDigest(d: Digest): boolean {
  return d.documents.length === 0;
}
