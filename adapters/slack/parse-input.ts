/** What a user message asks for: a question to answer or a claim to check. */
export interface Request {
  kind: "ask" | "check";
  text: string;
}

const CLAIM_PREFIX = /^(核实|核查|查证)[\s:：,，]*/;
const MENTION = /<@[A-Z0-9]+(\|[^>]*)?>/g;

/** Removes user mentions (the bot's own included) and surrounding whitespace from a message text. */
export function stripMentions(text: string): string {
  return text.replace(MENTION, " ").replace(/\s+/g, " ").trim();
}

/** Reads a message: 核实/核查/查证 at the start makes the rest a claim to check; anything else is a question. */
export function parseRequest(text: string): Request {
  const clean = stripMentions(text);
  const m = CLAIM_PREFIX.exec(clean);
  if (m) return { kind: "check", text: clean.slice(m[0].length).trim() };
  return { kind: "ask", text: clean };
}

/** Decodes the three entities Slack escapes in message and command text (&amp; &lt; &gt;). */
export function unescapeSlack(text: string): string {
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}
