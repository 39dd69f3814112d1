/** Escapes the three characters Slack mrkdwn treats as control (&, <, >) so no text can ping or link. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
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
