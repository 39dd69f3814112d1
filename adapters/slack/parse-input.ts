const MENTION = /<@[A-Z0-9]+(\|[^>]*)?>/g;

/** Removes user mentions (the bot's own included) and surrounding whitespace from a message text. */
export function stripMentions(text: string): string {
  return text.replace(MENTION, " ").replace(/\s+/g, " ").trim();
}

/** Decodes the three entities Slack escapes in message and command text (&amp; &lt; &gt;). */
export function unescapeSlack(text: string): string {
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

/** A message's text as the conversation reads it: Slack's entities decoded, mentions of users removed. */
export function messageText(raw: string): string {
  return stripMentions(unescapeSlack(raw));
}
