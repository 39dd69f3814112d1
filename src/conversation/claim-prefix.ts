/** Words that mark a message as a claim to check ("核实：全市新增学位28万个"), and the /check command. */
export const CLAIM_WORDS = ["核实", "核查", "查证"] as const;

/** A claim prefix: /check (with an optional @bot), or a claim word, then optional 一下 and punctuation. */
const CLAIM_PREFIX = new RegExp(
  `^\\s*(?:\\/check(?:@\\w+)?(?=\\s|$|[:：,，])|${CLAIM_WORDS.join("|")})(?:一下)?\\s*[:：,，、]?\\s*`,
  "i",
);

/** The claim without its prefix, or null when the text has none. */
export function claimBody(text: string): string | null {
  const m = CLAIM_PREFIX.exec(text);
  return m ? text.slice(m[0].length).trim() : null;
}

/** The text with a claim prefix removed when it has one. */
export function stripClaimPrefix(text: string): string {
  return claimBody(text) ?? text.trim();
}
