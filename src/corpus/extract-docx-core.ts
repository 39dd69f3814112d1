import { inflateEntry, type ZipEntry } from "./zip-archive.js";

/** The core properties are a few KB: anything larger is not a title worth reading. */
const CORE_MAX_BYTES = 2 ** 20;

function xmlUnescape(s: string): string {
  return s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

/** The title in a DOCX's core properties (docProps/core.xml, the last of that name as JSZip keeps it), if any. */
export function docxTitle(entries: ZipEntry[]): string | undefined {
  try {
    const core = entries.filter((e) => e.name === "docProps/core.xml").at(-1);
    const xml = core && inflateEntry(core, CORE_MAX_BYTES);
    const m = xml && /<dc:title>([^<]*)<\/dc:title>/.exec(new TextDecoder().decode(xml));
    return m?.[1] ? xmlUnescape(m[1]).trim() || undefined : undefined;
  } catch {
    return undefined; // the properties are optional: a damaged part costs the title, not the document
  }
}
