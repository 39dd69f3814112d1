import { AppError } from "../errors.js";

const BOMS: Array<{ bytes: number[]; encoding: string }> = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: "utf-8" },
  { bytes: [0xff, 0xfe], encoding: "utf-16le" },
  { bytes: [0xfe, 0xff], encoding: "utf-16be" },
];

/** The encoding a buffer was decoded with, and its text. */
export interface Decoded {
  encoding: "utf-8" | "utf-16le" | "utf-16be" | "gb18030";
  text: string;
}

function hasBom(buf: Uint8Array, bom: number[]): boolean {
  return bom.every((b, i) => buf[i] === b);
}

function tryDecode(encoding: string, buf: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(buf);
  } catch {
    return null;
  }
}

/**
 * Controls a right decoding still shows: whitespace, and the escape and bell of terminal sequences (which the
 * cleaner strips). Other C0 controls (NUL above all) are what a wrong decoding produces.
 */
const TEXT_CONTROLS = new Set([0x07, 0x09, 0x0a, 0x0d, 0x1b]);

/** Share of characters that are control or private-use characters: high means we decoded garbage. */
function garbageShare(text: string): number {
  if (text.length === 0) return 0;
  let bad = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    const control = c < 0x20 && !TEXT_CONTROLS.has(c);
    const privateUse = c >= 0xe000 && c <= 0xf8ff;
    if (control || privateUse || c === 0xfffd) bad++;
  }
  return bad / text.length;
}

/**
 * Decodes a document: UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030/GBK (common for Chinese
 * government text files). Throws UNDECODABLE, naming the file, rather than returning garbage.
 */
export function decodeDocument(buf: Uint8Array, name: string): Decoded {
  for (const bom of BOMS) {
    if (!hasBom(buf, bom.bytes)) continue;
    const text = tryDecode(bom.encoding, buf);
    if (text !== null && garbageShare(text) < 0.01)
      return { encoding: bom.encoding as Decoded["encoding"], text };
  }
  const utf8 = tryDecode("utf-8", buf);
  if (utf8 !== null && garbageShare(utf8) < 0.01) return { encoding: "utf-8", text: utf8 };
  const gb = tryDecode("gb18030", buf);
  if (gb !== null && garbageShare(gb) < 0.01) return { encoding: "gb18030", text: gb };
  throw new AppError(
    "UNDECODABLE",
    `${name} is not UTF-8, UTF-16 (with BOM) or GB18030/GBK text — convert it to UTF-8 or remove it from the corpus`,
    { file: name },
  );
}
