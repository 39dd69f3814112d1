import { extractText, getDocumentProxy, getMeta } from "unpdf";
import { AppError } from "../errors.js";
import type { ExtractedText } from "./extract.js";
import { compactMeta, normalizeDate } from "./extract-date.js";
import type { DocumentMeta } from "./types.js";

type PdfProxy = Awaited<ReturnType<typeof getDocumentProxy>>;

/** Titles that name the file or the tool that made it rather than the document. */
const JUNK_TITLE =
  /^(microsoft (word|powerpoint|excel)\b|untitled|无标题|新建)|\.(docx?|wps|pdf|txt|xlsx?)$/i;

function unreadable(file: string, e: unknown): AppError {
  const why = (e as Error)?.message ?? String(e);
  return new AppError(
    "UNDECODABLE",
    `${file}: not a readable PDF (${why}) — re-export or repair it, or ingest a text version`,
    { file },
  );
}

async function open(bytes: Uint8Array, file: string): Promise<PdfProxy> {
  try {
    // a copy: PDF.js may transfer (detach) the buffer it is given, and the caller still needs the bytes
    return await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
  } catch (e) {
    throw unreadable(file, e);
  }
}

/** Title and creation date from the PDF's info dictionary, when they look like real values. */
async function pdfMeta(pdf: PdfProxy): Promise<Partial<DocumentMeta>> {
  const { info } = await getMeta(pdf).catch(() => ({ info: {} as Record<string, unknown> }));
  const title =
    typeof info.Title === "string" && !JUNK_TITLE.test(info.Title.trim()) ? info.Title : undefined;
  const created = typeof info.CreationDate === "string" ? info.CreationDate : undefined;
  return compactMeta({ title, date: normalizeDate(created) });
}

/** PDF: the text layer, page after page (the cleaner joins lines broken inside sentences). */
export async function extractPdf(bytes: Uint8Array, file: string): Promise<ExtractedText> {
  const pdf = await open(bytes, file);
  try {
    let pages: string[];
    try {
      pages = (await extractText(pdf, { mergePages: false })).text;
    } catch (e) {
      throw unreadable(file, e);
    }
    const text = pages.join("\n").trim();
    if (!/\p{L}/u.test(text))
      throw new AppError(
        "NO_TEXT",
        `${file}: no text layer (scanned PDF?) — OCR it first or ingest a text version`,
        { file },
      );
    return { text, meta: await pdfMeta(pdf) };
  } finally {
    await pdf.destroy();
  }
}
