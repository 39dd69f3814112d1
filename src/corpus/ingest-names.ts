import { applyControlRules } from "./control-chars.js";
import { isReservedName } from "./corpus-files.js";

/** Path separators of any platform, which a name must not carry into the corpus directory. */
const SEPARATORS = /[\\/]/g;

/** The longest stem kept, in UTF-8 bytes: room for "-NNN" and the extension under the usual 255-byte limit. */
const MAX_STEM_BYTES = 200;

/** The stem a name without one gets ("..txt" → "document.txt"). */
const DEFAULT_STEM = "document";

function capBytes(text: string, max: number): string {
  let out = "";
  for (const ch of text) {
    if (Buffer.byteLength(out + ch) > max) break;
    out += ch;
  }
  return out;
}

/** The extension of a name, dot included ("" when none); a leading dot counts (".txt" is a .txt file). */
function extensionOf(name: string): string {
  return /\.[^.\s]+$/.exec(name)?.[0] ?? "";
}

/**
 * The name a file is stored under in the corpus: one visible line (controls and line breaks become a space,
 * invisible and direction characters go: the `name` column of src/corpus/control-chars.ts), no leading dots (a hidden file is not a
 * document), no separators, whitespace runs as one space, a stem of at most 200 bytes; the extension is kept.
 */
export function safeDocumentName(wanted: string): string {
  const clean = applyControlRules(wanted, "name").replace(SEPARATORS, "_");
  const ext = extensionOf(clean);
  const stem = clean
    .slice(0, clean.length - ext.length)
    .replace(/\s+/g, " ")
    .replace(/^[\s.]+|[\s.]+$/g, "");
  return `${capBytes(stem, MAX_STEM_BYTES).trimEnd() || DEFAULT_STEM}${ext}`;
}

/**
 * Candidate names for a new file, in order: the safe name itself unless it is reserved ("synonyms.txt" is
 * configuration), then "stem-2.ext", "stem-3.ext"… A caller skips those taken and, as the directory can
 * change under it, tries to create each exclusively.
 */
export function* candidateNames(wanted: string): Generator<string> {
  const base = safeDocumentName(wanted);
  if (!isReservedName(base)) yield base;
  const ext = extensionOf(base);
  const stem = base.slice(0, base.length - ext.length);
  for (let n = 2; ; n++) yield `${stem}-${n}${ext}`;
}
