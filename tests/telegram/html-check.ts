const TAG = /^<(\/?)(b|i|a|blockquote)(?: href="[^"<>]*"| expandable)?>/;
const ENTITY = /^&(?:amp|lt|gt|quot);/;

/** Throws unless `html` is well-formed Telegram HTML: only known tags, balanced, every & an entity, no stray < or >. */
export function assertWellFormed(html: string): void {
  const stack: string[] = [];
  for (let i = 0; i < html.length; ) {
    const rest = html.slice(i);
    if (html[i] === "<") {
      const tag = TAG.exec(rest);
      if (!tag?.[2]) throw new Error(`stray < at ${i}: ${rest.slice(0, 30)}`);
      if (tag[1]) {
        if (stack.pop() !== tag[2]) throw new Error(`unbalanced </${tag[2]}> at ${i}`);
      } else stack.push(tag[2]);
      i += tag[0].length;
    } else if (html[i] === "&") {
      const ent = ENTITY.exec(rest);
      if (!ent) throw new Error(`bare & at ${i}: ${rest.slice(0, 30)}`);
      i += ent[0].length;
    } else if (html[i] === ">") {
      throw new Error(`stray > at ${i}`);
    } else i += 1;
  }
  if (stack.length) throw new Error(`unclosed tags: ${stack.join(",")}`);
}

/** The text a reader sees: tags removed, entities decoded. */
export function visibleText(html: string): string {
  return html
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");
}
