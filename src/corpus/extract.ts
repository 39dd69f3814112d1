import { extname } from "node:path";
import { AppError } from "../errors.js";
import { decodeDocument } from "./decode.js";
import { DOCUMENT_LIMITS, type DocumentLimits } from "./document-limits.js";
import { looksLikeMarkdown } from "./markdown-signs.js";
import type { DocumentMeta } from "./types.js";

/** Text taken out of a document file, and whatever metadata the file itself carries. */
export interface ExtractedText {
  text: string;
  meta: Partial<DocumentMeta>;
  /** For text that is not the file's text as decoded (markdown's visible text): each character's offset in it. */
  map?: number[];
}

/** Turns the bytes of one kind of document into text, within the limits (src/corpus/document-limits.ts). */
export type Extractor = (bytes: Uint8Array, file: string, limits: DocumentLimits) => Promise<ExtractedText>;

/** Plain text, decoded (UTF-8, UTF-16 with BOM, GB18030/GBK) as it is — unless it is written in markdown. */
async function extractPlain(bytes: Uint8Array, file: string): Promise<ExtractedText> {
  const text = decodeDocument(bytes, file).text;
  if (!looksLikeMarkdown(text)) return { text, meta: {} };
  return markdownText(text);
}

/** Markdown: its visible text (no syntax, links as their text), mapped back to the file's characters. */
async function extractMarkdown(bytes: Uint8Array, file: string): Promise<ExtractedText> {
  return markdownText(decodeDocument(bytes, file).text);
}

async function markdownText(source: string): Promise<ExtractedText> {
  const { markdownToText } = await import("./extract-markdown.js");
  const { text, map, meta } = markdownToText(source);
  return { text, map, meta };
}

const plain = async (): Promise<Extractor> => extractPlain;
const markdown = async (): Promise<Extractor> => extractMarkdown;

/**
 * The extractor of each extension the corpus reads. The HTML, PDF and DOCX libraries take about 0.6 s to
 * load, so each is imported the first time a file of its kind is read, not by every process that loads a corpus.
 */
const extractors = new Map<string, () => Promise<Extractor>>([
  [".txt", plain],
  [".md", markdown],
  [".html", async () => (await import("./extract-html.js")).extractHtml],
  [".htm", async () => (await import("./extract-html.js")).extractHtml],
  [".pdf", async () => (await import("./extract-pdf.js")).extractPdf],
  [".docx", async () => (await import("./extract-docx.js")).extractDocx],
]);

/** The extensions the corpus can read. */
export function supportedExtensions(): string[] {
  return [...extractors.keys()];
}

/** Whether a file name has an extension the corpus reads. */
export function isSupported(file: string): boolean {
  return extractors.has(extname(file).toLowerCase());
}

/**
 * Extracts a document's text; UNSUPPORTED_TYPE for an extension no extractor handles, TOO_LARGE for a
 * document over one of the limits its format is checked against.
 */
export async function extractText(
  bytes: Uint8Array,
  file: string,
  limits: DocumentLimits = DOCUMENT_LIMITS,
): Promise<ExtractedText> {
  const load = extractors.get(extname(file).toLowerCase());
  if (!load)
    throw new AppError(
      "UNSUPPORTED_TYPE",
      `${file}: unsupported file type — use ${supportedExtensions().join(", ")}`,
      { file },
    );
  return (await load())(bytes, file, limits);
}
