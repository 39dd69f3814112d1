import { inflateRawSync } from "node:zlib";

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function endOfCentralDirectory(view: DataView): number {
  const stop = Math.max(0, view.byteLength - 65_557);
  for (let i = view.byteLength - 22; i >= stop; i--) if (view.getUint32(i, true) === EOCD) return i;
  return -1;
}

/** One file of a ZIP archive (stored or deflated), or null when it is not there or the archive is damaged. */
export function readZipEntry(bytes: Uint8Array, name: string): Uint8Array | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = endOfCentralDirectory(view);
  if (eocd < 0) return null;
  let at = view.getUint32(eocd + 16, true);
  const count = view.getUint16(eocd + 10, true);
  const decoder = new TextDecoder();
  for (let n = 0; n < count && at + 46 <= view.byteLength; n++) {
    if (view.getUint32(at, true) !== CENTRAL) return null;
    const method = view.getUint16(at + 10, true);
    const size = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const skip = nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    if (decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)) === name) {
      if (local + 30 > view.byteLength || view.getUint32(local, true) !== LOCAL) return null;
      const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
      const data = bytes.subarray(start, start + size);
      if (method === 0) return data;
      return method === 8 ? new Uint8Array(inflateRawSync(data)) : null;
    }
    at += 46 + skip;
  }
  return null;
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
