import { createInflateRaw } from "node:zlib";
import { AppError } from "../errors.js";
import { readZipDirectory, type ZipEntry } from "./zip-archive.js";

const MB = 2 ** 20;

/** What an archive may hold: its entries' inflated bytes together, in MB, and how many entries. */
export interface ZipLimits {
  inflatedMb: number;
  zipEntries: number;
}

/** An entry of an archive that passed the limits, with the size it was measured to inflate to. */
export type CheckedEntry = ZipEntry & { inflated: number };

/**
 * The number of bytes a deflated stream inflates to, counted chunk by chunk (each dropped at once, so a bomb
 * never sits in memory) and stopping once past `max`; rejects when the stream is damaged.
 */
function inflatedLength(data: Uint8Array, max: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const inflate = createInflateRaw({ chunkSize: 256 * 1024 });
    let length = 0;
    inflate.on("data", (chunk: Buffer) => {
      length += chunk.byteLength;
      if (length > max) {
        inflate.destroy();
        resolve(length);
      }
    });
    inflate.on("end", () => resolve(length));
    inflate.on("error", reject);
    inflate.end(data);
  });
}

/** Measures what each entry inflates to, within what is left of `limit`; a string says which limit or part failed. */
async function measure(entries: ZipEntry[], limit: number): Promise<CheckedEntry[] | string> {
  const checked: CheckedEntry[] = [];
  let left = limit;
  for (const entry of entries) {
    let inflated = entry.data.byteLength;
    // A deflated part of no bytes is empty (as JSZip reads it); zlib would call it cut off.
    if (entry.method === 8 && entry.data.byteLength > 0)
      try {
        inflated = await inflatedLength(entry.data, left);
      } catch {
        return `its part ${entry.name} is damaged`;
      }
    left -= inflated;
    if (left < 0) return "over";
    checked.push({ ...entry, inflated });
  }
  return checked;
}

/**
 * Checks a zip archive before anything inflates it: its directory must read cleanly (as mammoth's JSZip would
 * read it), it may hold at most `zipEntries` entries and inflate to at most `inflatedMb` — first by the sizes
 * it declares, then by inflating each entry with the remaining allowance. Returns the checked entries; throws
 * UNDECODABLE for an archive that cannot be checked and TOO_LARGE naming the limit it passes.
 */
export async function checkZipArchive(
  bytes: Uint8Array,
  file: string,
  limits: ZipLimits,
): Promise<CheckedEntry[]> {
  const refuse = (code: "TOO_LARGE" | "UNDECODABLE", what: string): never => {
    const fix = code === "TOO_LARGE" ? "not read (a zip bomb?)" : "not read; re-save it from Word";
    throw new AppError(code, `${file}: ${what} — ${fix}`, { file });
  };
  const directory = readZipDirectory(bytes);
  if ("problem" in directory) return refuse("UNDECODABLE", directory.problem);
  const { entries } = directory;
  if (entries.length > limits.zipEntries)
    refuse("TOO_LARGE", `holds ${entries.length} parts, more than ${limits.zipEntries}`);
  const limit = limits.inflatedMb * MB;
  const over = `inflates to more than ${limits.inflatedMb} MB`;
  if (entries.reduce((sum, e) => sum + e.size, 0) > limit) refuse("TOO_LARGE", over);
  const checked = await measure(entries, limit);
  if (checked === "over") return refuse("TOO_LARGE", over);
  if (typeof checked === "string") return refuse("UNDECODABLE", checked);
  return checked;
}
