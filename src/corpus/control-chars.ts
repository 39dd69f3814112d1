/** What a place does with a character: keeps it, drops it, writes one space, or writes it as an escape (`\x1b`). */
export type ControlTreatment = "keep" | "drop" | "space" | "escape";

/** A class of characters that must not reach a reader as they are, and what each place does with them. */
export interface ControlRule {
  what: string;
  /** The characters, as the body of a regular-expression class (read with the `u` flag). */
  chars: string;
  /**
   * Indexed text, titles and publishers, and answers printed in a terminal (`stripControls`). A dropped control
   * that starts an escape sequence goes with its whole sequence (SEQUENCES below).
   */
  text: "keep" | "drop";
  /** One terminal line naming a file or a reason (ingest's lines, skipped corpus entries): shows what is there. */
  line: "keep" | "escape";
  /** Stored user and document text listed in a terminal (feedback): a run of spaced characters is one space. */
  listing: "keep" | "drop" | "space";
  /** A document's name as ingest stores it. */
  name: "keep" | "drop" | "space";
}

/** The places, each a column of the table. */
export type ControlPlace = "text" | "line" | "listing" | "name";

/**
 * The one table of characters that must not reach a reader as they are, read top down: a character takes the
 * first row whose class holds it (direction controls are format characters too, and are treated as such).
 * Tab and line ends stay in text (the cleaner reads them as whitespace and line ends), but a line shows them as
 * escapes so that a name cannot forge another line; direction controls go everywhere, since they reorder what
 * a terminal shows; a name keeps no invisible character at all.
 */
export const CONTROL_RULES: readonly ControlRule[] = [
  {
    what: "tab and line ends",
    chars: String.raw`\t\n\r`,
    text: "keep",
    line: "escape",
    listing: "space",
    name: "space",
  },
  {
    what: "the other C0 controls, DEL and the C1 controls (ESC, BEL, one-byte CSI…)",
    chars: String.raw`\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f`,
    text: "drop",
    line: "escape",
    listing: "space",
    name: "space",
  },
  {
    what: "line and paragraph separators",
    chars: String.raw`\u2028\u2029`,
    text: "keep",
    line: "escape",
    listing: "space",
    name: "space",
  },
  {
    what: "direction marks, embeddings, overrides and isolates",
    chars: String.raw`\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069`,
    text: "drop",
    line: "escape",
    listing: "drop",
    name: "drop",
  },
  {
    what: "the other format characters (zero-width space and joiners, soft hyphen, BOM)",
    chars: String.raw`\p{Cf}`,
    text: "keep",
    line: "keep",
    listing: "keep",
    name: "drop",
  },
];

/**
 * Terminal escape sequences, dropped whole from text with the control that starts them: CSI (`ESC [ … final`,
 * clear screen, hidden text, colours), OSC (`ESC ] … BEL` or `ESC \`, a window title), DCS/SOS/PM/APC strings,
 * other two-character ESC sequences, and their one-byte C1 forms.
 */
const SEQUENCES = [
  String.raw`\x1b\[[0-?]*[ -/]*[@-~]?`, // CSI: ESC [, parameters, intermediates, final byte
  String.raw`\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?`, // OSC: ESC ], text, BEL or ESC \
  String.raw`\x1b[PX^_][^\x1b]*(?:\x1b\\)?`, // DCS, SOS, PM, APC strings
  String.raw`\x1b[ -~]?`, // any other ESC sequence
  String.raw`\x9b[0-?]*[ -/]*[@-~]?`, // one-byte CSI
  String.raw`[\x90\x98\x9d\x9e\x9f][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?`, // one-byte string controls
];

const ANY_CLASS = `[${CONTROL_RULES.map((r) => r.chars).join("")}]`;
const ROWS = CONTROL_RULES.map((r) => new RegExp(`^[${r.chars}]$`, "u"));
/** A run of characters of the table (for the line, listing and name places). */
const RUN = new RegExp(`${ANY_CLASS}+`, "gu");
/** The characters text drops: each dropping row's class, less the classes of the keeping rows above it. */
const TEXT_DROPS = CONTROL_RULES.flatMap((r, i) => {
  if (r.text !== "drop") return [];
  const above = CONTROL_RULES.slice(0, i).filter((k) => k.text === "keep");
  return [`${above.length ? `(?![${above.map((k) => k.chars).join("")}])` : ""}[${r.chars}]`];
});
/** A sequence or one character that text drops. */
const TEXT_PART = [...SEQUENCES, ...TEXT_DROPS].join("|");
const TEXT_ALL = new RegExp(TEXT_PART, "gu");
const TEXT_AT = new RegExp(TEXT_PART, "uy");

/** For each UTF-16 code unit looked up: 0 not yet, 1 in no row, n + 2 in row n. */
const rowCache = new Uint8Array(0x10000);

/** The index of the first row whose class holds the character, -1 when none does. */
function rowOf(ch: string): number {
  const code = ch.length === 1 ? ch.charCodeAt(0) : -1;
  const cached = code >= 0 ? (rowCache[code] ?? 0) : 0;
  if (cached) return cached - 2;
  const row = ROWS.findIndex((re) => re.test(ch));
  if (code >= 0) rowCache[code] = row + 2;
  return row;
}

/** The first row of the table whose class holds the character, if any. */
export function controlRule(ch: string): ControlRule | undefined {
  return CONTROL_RULES[rowOf(ch)];
}

const isSurrogate = (code: number) => code >= 0xd800 && code <= 0xdfff;

/** What text keeps of a match: nothing when its first character is dropped (a sequence goes with its control). */
function textKeeps(part: string): string {
  const first = String.fromCodePoint(part.codePointAt(0) ?? 0);
  return controlRule(first)?.text === "drop" ? "" : part;
}

/** Length of what text drops at `at` in `s` (0 when nothing is dropped there): a control with its sequence. */
export function controlLength(s: string, at: number): number {
  const code = s.charCodeAt(at);
  if (rowCache[code] === 1 && !isSurrogate(code)) return 0; // the common case: a character in no row
  const ch = isSurrogate(code) ? String.fromCodePoint(s.codePointAt(at) ?? code) : s.charAt(at);
  if (controlRule(ch)?.text !== "drop") return 0;
  TEXT_AT.lastIndex = at;
  return TEXT_AT.exec(s)?.[0].length ?? 1;
}

/** The text as documents are indexed and answers printed: the table's `text` column (sequences dropped whole). */
export function stripControls(s: string): string {
  return s.replace(TEXT_ALL, textKeeps);
}

/** A character as an escape: `\n`, `\x1b`, `\u202e`, `\u{e0001}`. */
function escaped(ch: string): string {
  const short: Record<string, string> = { "\t": "\\t", "\n": "\\n", "\r": "\\r" };
  const code = ch.codePointAt(0) ?? 0;
  if (short[ch]) return short[ch];
  if (code < 0x100) return `\\x${code.toString(16).padStart(2, "0")}`;
  return code < 0x10000 ? `\\u${code.toString(16).padStart(4, "0")}` : `\\u{${code.toString(16)}}`;
}

/** A run of the table's characters as one place writes it (a run of spaced characters is one space). */
function writeRun(run: string, place: Exclude<ControlPlace, "text">): string {
  let out = "";
  let spaced = false;
  for (const ch of run) {
    const treatment: ControlTreatment = controlRule(ch)?.[place] ?? "keep";
    if (treatment === "space") out += spaced ? "" : " ";
    else if (treatment === "escape") out += escaped(ch);
    else if (treatment === "keep") out += ch;
    spaced = treatment === "space" || (spaced && treatment === "drop");
  }
  return out;
}

/** The text as one place of the table writes it (`text` is `stripControls`). */
export function applyControlRules(s: string, place: ControlPlace): string {
  return place === "text" ? stripControls(s) : s.replace(RUN, (run) => writeRun(run, place));
}

/** Whether a name holds a character a terminal line would have to show as an escape (a corpus file name). */
export function hasControls(s: string): boolean {
  for (const [run] of s.matchAll(RUN))
    for (const ch of run) if (controlRule(ch)?.line === "escape") return true;
  return false;
}

/** The text with each character a terminal line must not print raw written as an escape (`\x1b`, `\n`). */
export function showControls(s: string): string {
  return applyControlRules(s, "line");
}
