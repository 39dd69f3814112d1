import { inflateEntry, zipEntries } from "./zip-archive.js";

/** The core properties are a few KB: anything larger is not a title worth reading. */
const CORE_MAX_BYTES = 2 ** 20;

/** One file of a ZIP archive (stored or deflated, up to `maxBytes`), or null when it is not there or damaged. */
export function readZipEntry(bytes: Uint8Array, name: string, maxBytes = CORE_MAX_BYTES): Uint8Array | null {
  const entry = zipEntries(bytes)?.find((e) => e.name === name);
  return entry ? inflateEntry(bytes, entry, maxBytes) : null;
}

function xmlUnescape(s: string): string {
  return s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

/** The title in a DOCX's core properties (docProps/core.xml), when it has one. */
export function docxTitle(bytes: Uint8Array): string | undefined {
  try {
    const xml = readZipEntry(bytes, "docProps/core.xml");
    const m = xml && /<dc:title>([^<]*)<\/dc:title>/.exec(new TextDecoder().decode(xml));
    return m?.[1] ? xmlUnescape(m[1]).trim() || undefined : undefined;
  } catch {
    return undefined; // the properties are optional: a damaged part costs the title, not the document
  }
}
