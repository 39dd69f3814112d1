import { inflateRawSync } from "node:zlib";

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const ZIP64_LOCATOR = 0x07064b50;
/** A 16- or 32-bit field of all ones: the real value is in a ZIP64 record (archives over 4 GB, never a DOCX). */
const ZIP64_16 = 0xffff;
const ZIP64_32 = 0xffffffff;

/** One entry of a zip archive's central directory, with the sizes it declares and its compressed bytes. */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated: an archive with any other method is refused. */
  method: number;
  /** General-purpose flags (bit 11: the name is UTF-8). */
  flags: number;
  crc: number;
  /** The inflated size the archive declares: it can lie, so inflating is capped as well. */
  size: number;
  /** The entry's compressed bytes, as its local header places them. */
  data: Uint8Array;
}

/** A zip archive's directory as read, or why it cannot be read (a damaged or crafted archive). */
export type ZipDirectory = { entries: ZipEntry[] } | { problem: string };

interface EndRecord {
  at: number;
  count: number;
  size: number;
  offset: number;
  /** Where the directory ends: the end record, or the ZIP64 record some writers put before it. */
  directoryEnd: number;
}

function endRecord(view: DataView): EndRecord | string {
  const stop = Math.max(0, view.byteLength - 65_557);
  let at = view.byteLength - 22;
  while (at >= stop && view.getUint32(at, true) !== EOCD) at--;
  if (at < stop) return "not a zip archive (no end-of-directory record)";
  const count = view.getUint16(at + 10, true);
  const size = view.getUint32(at + 12, true);
  const offset = view.getUint32(at + 16, true);
  const zip64 = [count, view.getUint16(at + 8, true)].includes(ZIP64_16) || [size, offset].includes(ZIP64_32);
  if (zip64) return "a ZIP64 archive (for archives over 4 GB; a DOCX never needs one)";
  // Some streaming writers add a ZIP64 record and locator even to small archives whose classic end record is
  // complete: the directory then ends where the ZIP64 record starts.
  const locator = at >= 20 && view.getUint32(at - 20, true) === ZIP64_LOCATOR;
  const directoryEnd = locator ? Number(view.getBigUint64(at - 12, true)) : at;
  if (
    view.getUint16(at + 4, true) !== 0 ||
    view.getUint16(at + 6, true) !== 0 ||
    count !== view.getUint16(at + 8, true)
  )
    return "an archive split over several disks";
  if (offset + size !== directoryEnd)
    return "its directory is not where its end record says (bytes before or inside it)";
  return { at, count, size, offset, directoryEnd };
}

/** The entry whose central record starts at `at`, its length in the directory, or what is wrong with it. */
function centralEntry(bytes: Uint8Array, view: DataView, at: number): [ZipEntry, number] | string {
  if (at + 46 > view.byteLength) return `its directory record at byte ${at} is cut off`;
  const nameLength = view.getUint16(at + 28, true);
  const length = 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
  const compressedSize = view.getUint32(at + 20, true);
  const size = view.getUint32(at + 24, true);
  const local = view.getUint32(at + 42, true);
  if ([compressedSize, size, local].includes(ZIP64_32))
    return `its part ${name} has ZIP64 sizes (a DOCX never needs them)`;
  const method = view.getUint16(at + 10, true);
  if (method !== 0 && method !== 8)
    return `its part ${name} is compressed by method ${method} (only stored and deflated are read)`;
  if (local + 30 > view.byteLength || view.getUint32(local, true) !== LOCAL)
    return `its part ${name} is not where its record says`;
  const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
  if (start + compressedSize > view.byteLength) return `its part ${name} is cut off`;
  const data = bytes.subarray(start, start + compressedSize);
  return [
    { name, method, flags: view.getUint16(at + 8, true), crc: view.getUint32(at + 16, true), size, data },
    length,
  ];
}

/**
 * Reads a zip archive's central directory the way JSZip (mammoth's reader) does — every record whose signature
 * matches, whatever the end record's count — and refuses what a checker could miss: a count that disagrees
 * with the records, ZIP64, a directory not where the end record says, a part not where its record says.
 */
export function readZipDirectory(bytes: Uint8Array): ZipDirectory {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = endRecord(view);
  if (typeof end === "string") return { problem: end };
  const entries: ZipEntry[] = [];
  let at = end.offset;
  while (at + 4 <= end.at && view.getUint32(at, true) === CENTRAL) {
    const entry = centralEntry(bytes, view, at);
    if (typeof entry === "string") return { problem: entry };
    entries.push(entry[0]);
    at += entry[1];
  }
  if (entries.length !== end.count) {
    const parts = (n: number) => (n === 1 ? "1 part" : `${n} parts`);
    return { problem: `its end record counts ${parts(end.count)} but its directory holds ${entries.length}` };
  }
  if (at !== end.directoryEnd) return { problem: "its directory does not end where its end record says" };
  return { entries };
}

/**
 * An entry's bytes, inflated. Inflating stops as soon as the output passes `maxBytes` (the declared size may
 * lie): a RangeError then says the entry is larger than allowed; a damaged stream throws zlib's error.
 */
export function inflateEntry(entry: ZipEntry, maxBytes: number): Uint8Array {
  if (entry.method === 0) {
    if (entry.data.byteLength > maxBytes) throw new RangeError("inflated size over the limit");
    return entry.data;
  }
  return new Uint8Array(inflateRawSync(entry.data, { maxOutputLength: Math.max(1, maxBytes) }));
}
