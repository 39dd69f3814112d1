/**
 * Terminal escape sequences and control characters a document may carry: CSI (`ESC [ … final`, clear screen,
 * hidden text, colours), OSC (`ESC ] … BEL` or `ESC \`, a window title), DCS/SOS/PM/APC strings, other
 * two-character ESC sequences, their one-byte C1 forms, and every other C0/C1 control and DEL. Tab, line feed
 * and carriage return are not here: the cleaner reads them as whitespace and line ends.
 */
const SEQUENCES = [
  String.raw`\x1b\[[0-?]*[ -/]*[@-~]?`, // CSI: ESC [, parameters, intermediates, final byte
  String.raw`\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?`, // OSC: ESC ], text, BEL or ESC \
  String.raw`\x1b[PX^_][^\x1b]*(?:\x1b\\)?`, // DCS, SOS, PM, APC strings
  String.raw`\x1b[ -~]?`, // any other ESC sequence
  String.raw`\x9b[0-?]*[ -/]*[@-~]?`, // one-byte CSI
  String.raw`[\x90\x98\x9d\x9e\x9f][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?`, // one-byte string controls
  String.raw`[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]`, // every other C0/C1 control and DEL
];
const SEQUENCE = new RegExp(SEQUENCES.join("|"), "y");
const ALL = new RegExp(SEQUENCES.join("|"), "g");

/** Whether a character code can start a control sequence (cheap test before the regular expression). */
function isControl(code: number): boolean {
  return (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || (code >= 0x7f && code <= 0x9f);
}

/** Length of the control sequence starting at `at` in `s` (0 when none starts there). */
export function controlLength(s: string, at: number): number {
  if (!isControl(s.charCodeAt(at))) return 0;
  SEQUENCE.lastIndex = at;
  return SEQUENCE.exec(s)?.[0].length ?? 1;
}

/** The text without escape sequences and control characters (for titles and other metadata). */
export function stripControls(s: string): string {
  return s.replace(ALL, "");
}

/** Whether a text holds a control character (a file name that would print one). */
export function hasControls(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (isControl(s.charCodeAt(i))) return true;
  return false;
}

/** The text with each control character written as an escape (`\x1b`), for naming it safely in a message. */
export function showControls(s: string): string {
  let out = "";
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    out +=
      isControl(c) || c === 0x09 || c === 0x0a || c === 0x0d ? `\\x${c.toString(16).padStart(2, "0")}` : ch;
  }
  return out;
}
