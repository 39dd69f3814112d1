import { constants, crc32, deflateRawSync } from "node:zlib";

/**
 * Hostile zip archives built byte by byte (independently of src/corpus/zip-*.ts, which they test): an entry
 * appended behind the end record's count, a ZIP64 end record, bytes prepended to the archive.
 */

const MB = 2 ** 20;
const CENTRAL = 0x02014b50;
const EOCD = 0x06054b50;

/** A deflated entry: its name, CRC-32, inflated size and compressed bytes. */
export interface RawEntry {
  name: string;
  crc: number;
  size: number;
  data: Uint8Array;
}

/**
 * An entry of `head`, `mb` MB of spaces and `tail`, deflated chunk by chunk: each megabyte ends with a full
 * flush (the compressor starts afresh), so one deflated megabyte repeats — 400 MB take ~400 KB and no 400 MB buffer.
 */
export function spacedEntry(name: string, head: string, mb: number, tail: string): RawEntry {
  const flush = { finishFlush: constants.Z_FULL_FLUSH };
  const megabyte = Buffer.alloc(MB, 0x20);
  const deflated = deflateRawSync(megabyte, flush);
  const [h, t] = [Buffer.from(head), Buffer.from(tail)];
  let crc = crc32(h);
  for (let i = 0; i < mb; i++) crc = crc32(megabyte, crc);
  crc = crc32(t, crc);
  const parts = [deflateRawSync(h, flush), ...Array<Buffer>(mb).fill(deflated), deflateRawSync(t)];
  return { name, crc, size: h.length + mb * MB + t.length, data: Buffer.concat(parts) };
}

function header(signature: number, size: number): [Buffer, DataView] {
  const b = Buffer.alloc(size);
  const view = new DataView(b.buffer, b.byteOffset, size);
  view.setUint32(0, signature, true);
  return [b, view];
}

/** The local header and data of a deflated entry. */
function localPart(e: RawEntry): Buffer {
  const name = Buffer.from(e.name);
  const [b, v] = header(0x04034b50, 30);
  v.setUint16(4, 20, true);
  v.setUint16(8, 8, true);
  v.setUint32(14, e.crc, true);
  v.setUint32(18, e.data.byteLength, true);
  v.setUint32(22, e.size, true);
  v.setUint16(26, name.length, true);
  return Buffer.concat([b, name, e.data]);
}

/** The central-directory record of a deflated entry whose local header is at `local`. */
function centralRecord(e: RawEntry, local: number): Buffer {
  const name = Buffer.from(e.name);
  const [b, v] = header(CENTRAL, 46);
  v.setUint16(4, 20, true);
  v.setUint16(6, 20, true);
  v.setUint16(10, 8, true);
  v.setUint32(16, e.crc, true);
  v.setUint32(20, e.data.byteLength, true);
  v.setUint32(24, e.size, true);
  v.setUint16(28, name.length, true);
  v.setUint32(42, local, true);
  return Buffer.concat([b, name]);
}

/** Where the end record is, and what it says. */
function endRecord(zip: Uint8Array): { at: number; count: number; size: number; offset: number } {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let at = zip.byteLength - 22; at >= 0; at--)
    if (view.getUint32(at, true) === EOCD)
      return {
        at,
        count: view.getUint16(at + 10, true),
        size: view.getUint32(at + 12, true),
        offset: view.getUint32(at + 16, true),
      };
  throw new Error("not a zip archive");
}

/**
 * The archive with one more entry (last in its directory); the end record's count is `count` (the true count
 * by default: a smaller one is the lie that hid the entry from a checker walking only that many records).
 */
export function appendEntry(zip: Uint8Array, entry: RawEntry, count?: number): Uint8Array {
  const end = endRecord(zip);
  const local = localPart(entry);
  const central = centralRecord(entry, end.offset);
  const directory = zip.subarray(end.offset, end.at);
  const [eocd, v] = header(EOCD, 22);
  v.setUint16(8, count ?? end.count + 1, true);
  v.setUint16(10, count ?? end.count + 1, true);
  v.setUint32(12, end.size + central.length, true);
  v.setUint32(16, end.offset + local.length, true);
  return Buffer.concat([zip.subarray(0, end.offset), local, directory, central, eocd]);
}

/**
 * The archive with a ZIP64 end record and locator, and its classic end record saying "see ZIP64" — or, with
 * `classic: "complete"`, still giving the true values, as some streaming writers do for small archives.
 */
export function asZip64(zip: Uint8Array, classic: "see-zip64" | "complete" = "see-zip64"): Uint8Array {
  const end = endRecord(zip);
  const at = end.at;
  const [record, r] = header(0x06064b50, 56);
  r.setBigUint64(4, 44n, true);
  r.setUint16(12, 45, true);
  r.setUint16(14, 45, true);
  r.setBigUint64(24, BigInt(end.count), true);
  r.setBigUint64(32, BigInt(end.count), true);
  r.setBigUint64(40, BigInt(end.size), true);
  r.setBigUint64(48, BigInt(end.offset), true);
  const [locator, l] = header(0x07064b50, 20);
  l.setBigUint64(8, BigInt(at), true);
  l.setUint32(16, 1, true);
  const [eocd, e] = header(EOCD, 22);
  const complete = classic === "complete";
  e.setUint16(8, complete ? end.count : 0xffff, true);
  e.setUint16(10, complete ? end.count : 0xffff, true);
  e.setUint32(12, complete ? end.size : 0xffffffff, true);
  e.setUint32(16, complete ? end.offset : 0xffffffff, true);
  return Buffer.concat([zip.subarray(0, at), record, locator, eocd]);
}

/** The archive behind `n` bytes of something else (a self-extractor's stub): every offset in it is now off by n. */
export function prepend(zip: Uint8Array, n: number): Uint8Array {
  return Buffer.concat([Buffer.alloc(n, 0x41), zip]);
}
