import { describe, expect, it } from "vitest";
import { terminalText } from "../../adapters/cli/feedback.js";
import { printable } from "../../adapters/cli/ingest.js";
import { CONTROL_RULES, hasControls, showControls, stripControls } from "../../src/corpus/control-chars.js";
import { safeDocumentName } from "../../src/corpus/ingest-names.js";
import { mapLine } from "../../src/corpus/lines.js";

/**
 * One table, one row a kind of character: what each place writes for 甲<chars>乙, through each place's own
 * function — indexed text and answers (stripControls), a terminal line (ingest's printable, a skipped corpus
 * file's name), a terminal listing (feedback), a stored document name (ingest).
 */
const CASES: Array<[what: string, chars: string, text: string, line: string, listing: string, name: string]> =
  [
    ["tab", "\t", "甲\t乙", "甲\\t乙", "甲 乙", "甲 乙"],
    ["line feed", "\n", "甲\n乙", "甲\\n乙", "甲 乙", "甲 乙"],
    ["CR LF", "\r\n", "甲\r\n乙", "甲\\r\\n乙", "甲 乙", "甲 乙"],
    ["BEL", "\x07", "甲乙", "甲\\x07乙", "甲 乙", "甲 乙"],
    ["DEL", "\x7f", "甲乙", "甲\\x7f乙", "甲 乙", "甲 乙"],
    ["clear screen (CSI)", "\x1b[2J", "甲乙", "甲\\x1b[2J乙", "甲 [2J乙", "甲 [2J乙"],
    ["window title (OSC … BEL)", "\x1b]0;t\x07", "甲乙", "甲\\x1b]0;t\\x07乙", "甲 ]0;t 乙", "甲 ]0;t 乙"],
    ["one-byte CSI", "\x9b31m", "甲乙", "甲\\x9b31m乙", "甲 31m乙", "甲 31m乙"],
    ["line separator", "\u2028", "甲\u2028乙", "甲\\u2028乙", "甲 乙", "甲 乙"],
    ["right-to-left override", "\u202e", "甲乙", "甲\\u202e乙", "甲乙", "甲乙"],
    ["left-to-right embedding", "\u202a", "甲乙", "甲\\u202a乙", "甲乙", "甲乙"],
    ["first-strong isolate … pop", "\u2068x\u2069", "甲x乙", "甲\\u2068x\\u2069乙", "甲x乙", "甲x乙"],
    ["right-to-left mark", "\u200f", "甲乙", "甲\\u200f乙", "甲乙", "甲乙"],
    ["Arabic letter mark", "\u061c", "甲乙", "甲\\u061c乙", "甲乙", "甲乙"],
    ["zero-width space", "\u200b", "甲\u200b乙", "甲\u200b乙", "甲\u200b乙", "甲乙"],
    ["soft hyphen", "\u00ad", "甲\u00ad乙", "甲\u00ad乙", "甲\u00ad乙", "甲乙"],
    ["a letter", "x", "甲x乙", "甲x乙", "甲x乙", "甲x乙"],
  ];

describe("control characters: one table of rules, followed by every place", () => {
  it.each(CASES)("%s (%j): text %j, line %j, listing %j, name %j", (_, chars, text, line, listing, name) => {
    const s = `甲${chars}乙`;
    expect(stripControls(s)).toBe(text);
    expect(printable(s)).toBe(line);
    expect(showControls(s)).toBe(line);
    expect(hasControls(s)).toBe(line !== s); // a corpus file so named is skipped
    expect(terminalText(s)).toBe(listing);
    expect(safeDocumentName(`${s}.txt`)).toBe(`${name}.txt`);
  });

  it("drops from indexed lines what text drops, each kept character mapped to its offset", () => {
    for (const [, chars, text] of CASES) {
      if (/\s/.test(chars)) continue; // whitespace is the line mapper's own rule
      const mapped = mapLine(`甲${chars}乙`, 10);
      expect(mapped.text).toBe(text);
      expect(mapped.orig[0]).toBe(10);
      expect(mapped.orig.at(-1)).toBe(10 + 1 + chars.length);
    }
  });

  it("reads the table top down: a direction control is not kept as a format character", () => {
    const bidi = CONTROL_RULES.findIndex((r) => r.what.startsWith("direction"));
    const format = CONTROL_RULES.findIndex((r) => r.chars === String.raw`\p{Cf}`);
    expect(bidi).toBeGreaterThanOrEqual(0);
    expect(bidi).toBeLessThan(format);
  });
});
