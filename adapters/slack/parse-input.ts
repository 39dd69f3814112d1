/** Decodes the three entities Slack escapes in message and command text (&amp; &lt; &gt;). */
export function unescapeSlack(text: string): string {
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

/**
 * A message's text as the conversation reads it: Slack's entities decoded. Mentions (<@U…>, <!channel>, a
 * plain @name in a slash command) are removed where every platform's messages are parsed (parseMessage).
 */
export function messageText(raw: string): string {
  return unescapeSlack(raw);
}
