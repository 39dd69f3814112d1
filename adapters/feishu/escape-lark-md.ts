/**
 * What each character a card's markdown (lark_md, the markdown element) reads as markup becomes in echoed text:
 * the HTML entity Feishu's card documentation gives for it. `<` and `&` first of all (no text can open an
 * <at id=all> mention, a <font> tag or an entity); then the marks of bold, italic, strike, code, links and math.
 */
export const LARK_MD_ESCAPES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&#60;",
  ">": "&#62;",
  "*": "&#42;",
  _: "&#95;",
  "~": "&sim;",
  "`": "&#96;",
  "[": "&#91;",
  "]": "&#93;",
  "(": "&#40;",
  ")": "&#41;",
  $: "&#36;",
  "\\": "&#92;",
};

/**
 * Marks that make markup only at a line's start: `#` (a heading, space or not), `-`, `+` and `1.` before a space
 * (lists; `1)` is escaped already, `)` being a link's mark), and a line of only `=` or `-` (a setext underline).
 */
const LINE_START_ESCAPES: Readonly<Record<string, string>> = {
  "#": "&#35;",
  "-": "&#45;",
  "+": "&#43;",
  "=": "&#61;",
};

const SPECIAL = new RegExp(
  `[${Object.keys(LARK_MD_ESCAPES)
    .map((c) => `\\${c}`)
    .join("")}]`,
  "g",
);
const LINE_START = /^(\s*)(#|[-+](?=\s)|[=-]+(?=[ \t]*$))/gm;
const ORDERED = /^(\s*\d+)\.(?=\s)/gm;

/** Escapes user or document text for a card's lark_md: nothing in it is read as markup or a mention. */
export function escapeLarkMd(text: string): string {
  return text
    .replace(SPECIAL, (ch) => LARK_MD_ESCAPES[ch] ?? ch)
    .replace(
      LINE_START,
      (_, space: string, marks: string) =>
        space + marks.replace(/[#\-+=]/g, (m) => LINE_START_ESCAPES[m] ?? m),
    )
    .replace(ORDERED, (_, lead: string) => `${lead}&#46;`);
}

/** Bold in lark_md. Input must be escaped (it holds no `*` then). */
export function bold(escaped: string): string {
  const inner = escaped.trim();
  return inner ? `**${inner}**` : "";
}
