import { inflateRawSync } from "node:zlib";
import { AppError } from "../errors.js";

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** A 32-bit size of all ones: the real size is in a ZIP64 record (archives over 4 GB, never a DOCX). */
const ZIP64 = 0xffffffff;
const MB = 2 ** 20;

/** One entry of a zip archive's central directory, with the sizes it declares. */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated; anything else is not read. */
  method: number;
  compressedSize: number;
  /** The inflated size the archive declares: it can lie, so inflating is capped as well. */
  size: number;
  /** Offset of the entry's local header. */
  local: number;
}

function endOfCentralDirectory(view: DataView): number {
  const stop = Math.max(0, view.byteLength - 65_557);
  for (let i = view.byteLength - 22; i >= stop; i--) if (view.getUint32(i, true) === EOCD) return i;
  return -1;
}

/** The entries of a zip archive's central directory, or null when the archive is damaged. */
export function zipEntries(bytes: Uint8Array): ZipEntry[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = endOfCentralDirectory(view);
  if (eocd < 0) return null;
  let at = view.getUint32(eocd + 16, true);
  const count = view.getUint16(eocd + 10, true);
  const decoder = new TextDecoder();
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > view.byteLength || view.getUint32(at, true) !== CENTRAL) return null;
    const nameLength = view.getUint16(at + 28, true);
    entries.push({
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      local: view.getUint32(at + 42, true),
    });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return entries;
}

/**
 * An entry's bytes, inflated; null when the entry cannot be read. Inflating stops as soon as the output passes
 * `maxBytes` (the declared size may lie): a RangeError then says the entry is larger than allowed.
 */
export function inflateEntry(bytes: Uint8Array, entry: ZipEntry, maxBytes: number): Uint8Array | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (entry.local + 30 > view.byteLength || view.getUint32(entry.local, true) !== LOCAL) return null;
  const start =
    entry.local + 30 + view.getUint16(entry.local + 26, true) + view.getUint16(entry.local + 28, true);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return data.byteLength > maxBytes ? tooLarge() : data;
  if (entry.method !== 8) return null;
  return new Uint8Array(inflateRawSync(data, { maxOutputLength: Math.max(1, maxBytes) }));
}

function tooLarge(): never {
  throw new RangeError("inflated size over the limit");
}

/**
 * Checks that a zip archive inflates to no more than `maxMb` in all and holds at most `maxEntries` entries:
 * first by the sizes its directory declares, then by inflating each entry with the remaining allowance (the
 * output is dropped at once). Throws TOO_LARGE naming the limit; a damaged archive is left to its reader.
 */
export function checkZipSize(bytes: Uint8Array, file: string, maxMb: number, maxEntries: number): void {
  const entries = zipEntries(bytes);
  if (!entries) return;
  const refuse = (what: string): never => {
    throw new AppError("TOO_LARGE", `${file}: ${what} — not read (a zip bomb?)`, { file });
  };
  if (entries.length > maxEntries) refuse(`holds ${entries.length} parts, more than ${maxEntries}`);
  const limit = maxMb * MB;
  const over = `inflates to more than ${maxMb} MB`;
  const declared = entries.reduce(
    (sum, e) => sum + (e.size === ZIP64 ? Number.POSITIVE_INFINITY : e.size),
    0,
  );
  if (declared > limit) refuse(over);
  let left = limit;
  for (const entry of entries) {
    try {
      left -= inflateEntry(bytes, entry, left)?.byteLength ?? 0;
    } catch (e) {
      if (e instanceof RangeError || (e as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") refuse(over);
      // a damaged entry is the reader's to report
    }
  }
}
