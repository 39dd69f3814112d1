/**
 * What each character Slack reads as markup becomes in echoed text: entities for the three control characters
 * (&, <, >: no text can ping, link or quote), look-alikes for the format marks (* _ ~ `: no text can make bold,
 * italic, struck or code), since mrkdwn has no escape for those.
 */
export const MRKDWN_ESCAPES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  "*": "∗",
  _: "＿",
  "~": "∼",
  "`": "ˋ",
};

/**
 * Marks that format only at a word's edge: between two Latin letters or digits ("channel_not_found", "3*4") they
 * are text to Slack, and are kept as written. Next to Chinese they are replaced (whether Slack reads a Chinese
 * character as a word's edge is not to be relied on); a backtick opens code anywhere, so it is always replaced.
 */
const EDGE_MARKS = new Set(["*", "_", "~"]);
const WORD_CHAR = /[A-Za-z0-9]/;

const MRKDWN_SPECIAL = new RegExp(`[${Object.keys(MRKDWN_ESCAPES).join("")}]`, "g");

function insideWord(text: string, at: number): boolean {
  return WORD_CHAR.test(text[at - 1] ?? "") && WORD_CHAR.test(text[at + 1] ?? "");
}

/** Escapes user or document text for Slack mrkdwn: nothing in it is read as markup. */
export function escapeMrkdwn(text: string): string {
  return text.replace(MRKDWN_SPECIAL, (ch, at: number) =>
    EDGE_MARKS.has(ch) && insideWord(text, at) ? ch : (MRKDWN_ESCAPES[ch] ?? ch),
  );
}

const ZWSP = "\u200b";

/** Bold in mrkdwn; zero-width spaces let the asterisks work next to CJK characters. Input must be escaped. */
export function bold(escaped: string): string {
  const inner = escaped.replace(/\*/g, "∗").trim();
  return inner ? `${ZWSP}*${inner}*${ZWSP}` : "";
}

/** Prefixes every line with "> " so the text renders as a block quote. Input must be escaped. */
export function blockQuote(escaped: string): string {
  return escaped
    .split("\n")
    .map((line) => `> ${line}`)
    .join("\n");
}
