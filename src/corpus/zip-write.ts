import type { CheckedEntry } from "./zip-check.js";

/** Bit 11 of the flags: the name is UTF-8 (as it was decoded when the directory was read). */
const UTF8_NAME = 0x0800;
/** 1980-01-01, the earliest date a zip header can hold: the rebuilt archive carries no timestamps. */
const DOS_DATE = 0x21;

function header(signature: number, size: number): [Buffer, DataView] {
  const b = Buffer.alloc(size);
  const view = new DataView(b.buffer, b.byteOffset, size);
  view.setUint32(0, signature, true);
  return [b, view];
}

/** The fields local and central headers share, written at `at` (4 in a local header, 6 in a central one). */
function common(view: DataView, at: number, e: CheckedEntry, nameLength: number): void {
  view.setUint16(at, 20, true);
  view.setUint16(at + 2, UTF8_NAME, true);
  view.setUint16(at + 4, e.method, true);
  view.setUint16(at + 8, DOS_DATE, true);
  view.setUint32(at + 10, e.crc, true);
  view.setUint32(at + 14, e.data.byteLength, true);
  view.setUint32(at + 18, e.inflated, true);
  view.setUint16(at + 22, nameLength, true);
}

/**
 * A new zip archive of exactly the checked entries, their compressed bytes copied as they are: no other record,
 * no extra field, no comment, every size the measured one. What reads it (mammoth's JSZip) can find nothing the
 * check did not see, however the original was laid out.
 */
export function writeZip(entries: CheckedEntry[]): Buffer {
  const locals: Uint8Array[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const [local, l] = header(0x04034b50, 30);
    common(l, 4, e, name.length);
    const [central, c] = header(0x02014b50, 46);
    c.setUint16(4, 20, true);
    common(c, 6, e, name.length);
    c.setUint32(42, offset, true);
    locals.push(local, name, e.data);
    centrals.push(central, name);
    offset += 30 + name.length + e.data.byteLength;
  }
  const directory = Buffer.concat(centrals);
  const [end, v] = header(0x06054b50, 22);
  v.setUint16(8, entries.length, true);
  v.setUint16(10, entries.length, true);
  v.setUint32(12, directory.byteLength, true);
  v.setUint32(16, offset, true);
  return Buffer.concat([...locals, directory, end]);
}
