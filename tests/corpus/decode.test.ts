import { describe, expect, it } from "vitest";
import { decodeDocument } from "../../src/corpus/decode.js";
import { AppError } from "../../src/errors.js";

const TEXT = "重庆新增学位27.8万个。\n";

function utf16(text: string, bigEndian: boolean): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out.set(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[2 + 2 * i] = bigEndian ? c >> 8 : c & 0xff;
    out[3 + 2 * i] = bigEndian ? c & 0xff : c >> 8;
  }
  return out;
}

describe("decodeDocument", () => {
  it.each([
    ["UTF-8", new TextEncoder().encode(TEXT), "utf-8"],
    ["UTF-8 with BOM", new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(TEXT)]), "utf-8"],
    ["UTF-16LE with BOM", utf16(TEXT, false), "utf-16le"],
    ["UTF-16BE with BOM", utf16(TEXT, true), "utf-16be"],
    ["GBK", Buffer.from("d6d8c7ecd0c2d4f6d1a7cebb32372e38cdf2b8f6a1a30a", "hex"), "gb18030"],
  ])("reads %s", (_name, bytes, encoding) => {
    const decoded = decodeDocument(bytes, "doc.txt");
    expect(decoded.text.replace(/^\uFEFF/, "")).toBe(TEXT);
    expect(decoded.encoding).toBe(encoding);
  });

  it("refuses binary data by name instead of indexing garbage", () => {
    const binary = new Uint8Array(256).map((_, i) => (i * 37) % 256);
    expect(() => decodeDocument(binary, "scan.txt")).toThrowError(AppError);
    expect(() => decodeDocument(binary, "scan.txt")).toThrowError(/UNDECODABLE: scan\.txt/);
  });
});
