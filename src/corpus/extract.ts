import { extname } from "node:path";
import { AppError } from "../errors.js";
import { decodeDocument } from "./decode.js";
import type { DocumentMeta } from "./types.js";

/** Text taken out of a document file, and whatever metadata the file itself carries. */
export interface ExtractedText {
  text: string;
  meta: Partial<DocumentMeta>;
}

/** Turns the bytes of one kind of document into text. */
export type Extractor = (bytes: Uint8Array, file: string) => Promise<ExtractedText>;

const extractors = new Map<string, Extractor>();

/** Plain text and Markdown: decoded (UTF-8, UTF-16 with BOM, GB18030/GBK) as they are. */
async function extractPlain(bytes: Uint8Array, file: string): Promise<ExtractedText> {
  return { text: decodeDocument(bytes, file).text, meta: {} };
}

extractors.set(".txt", extractPlain);
extractors.set(".md", extractPlain);

/** Registers the extractor for a file extension (".html", ".pdf", ".docx"). */
export function registerExtractor(extension: string, extractor: Extractor): void {
  extractors.set(extension.toLowerCase(), extractor);
}

/** The extensions the corpus can read. */
export function supportedExtensions(): string[] {
  return [...extractors.keys()];
}

/** Whether a file name has an extension the corpus reads. */
export function isSupported(file: string): boolean {
  return extractors.has(extname(file).toLowerCase());
}

/** Extracts a document's text; UNSUPPORTED_TYPE for an extension no extractor handles. */
export async function extractText(bytes: Uint8Array, file: string): Promise<ExtractedText> {
  const extractor = extractors.get(extname(file).toLowerCase());
  if (!extractor)
    throw new AppError(
      "UNSUPPORTED_TYPE",
      `${file}: unsupported file type — use ${supportedExtensions().join(", ")}`,
      { file },
    );
  return extractor(bytes, file);
}
