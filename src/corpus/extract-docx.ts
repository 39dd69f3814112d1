import mammoth from "mammoth";
import { AppError } from "../errors.js";
import { DOCUMENT_LIMITS, type DocumentLimits } from "./document-limits.js";
import type { ExtractedText } from "./extract.js";
import { docxTitle } from "./extract-docx-core.js";
import { checkZipArchive } from "./zip-check.js";
import { writeZip } from "./zip-write.js";

/**
 * DOCX: the raw text, one paragraph a line, and the title from the core properties. The core properties'
 * dates are when the file was made (often from a template), not when the document was issued: left out.
 * The archive is checked before anything inflates it (a 1 MB file can hold gigabytes), and mammoth is given
 * an archive rebuilt from the checked entries alone: it cannot read a part the check did not measure.
 */
export async function extractDocx(
  bytes: Uint8Array,
  file: string,
  limits: DocumentLimits = DOCUMENT_LIMITS,
): Promise<ExtractedText> {
  const entries = await checkZipArchive(bytes, file, limits);
  let value: string;
  try {
    ({ value } = await mammoth.extractRawText({ buffer: writeZip(entries) }));
  } catch (e) {
    throw new AppError(
      "UNDECODABLE",
      `${file}: not a readable DOCX (${(e as Error).message}) — re-save it from Word or ingest a PDF/text version`,
      { file },
    );
  }
  const text = value.replace(/\n{2,}/g, "\n").trim();
  if (!text) throw new AppError("NO_TEXT", `${file}: the document has no text — nothing to ingest`, { file });
  const title = docxTitle(entries);
  return { text, meta: title ? { title } : {} };
}
