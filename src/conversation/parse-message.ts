import { MENTIONS } from "../lexicon/chat-words.js";
import { claimBody } from "./claim-prefix.js";

/**
 * What a chat message asks for: a question, a claim to check (核实/核查/查证 or /check), a command such as
 * /help or /sources (name lower-cased, without the slash or an @bot suffix), or nothing at all.
 */
export type ParsedMessage =
  | { kind: "ask"; text: string }
  | { kind: "check"; text: string }
  | { kind: "command"; name: string; args: string }
  | { kind: "empty" };

/** A leading command: "/sources", "/help@policy_bot"; the name ends at a space, an @ or a colon or comma. */
const COMMAND = /^\/([^\s@/:：,，]+)(?:@\w+)?(?=$|[\s:：,，])/u;
const ARGS_LEAD = /^[\s:：,，]+/u;

/** The text without the platform's mentions (<@U…>, <!channel>, a plain @name) and the spaces around it. */
export function withoutMentions(text: string): string {
  return text.replace(MENTIONS, " ").trim();
}

/**
 * Reads a message the same way on every platform; /ask is a question like plain text, /check a claim.
 * Mentions go first, so that "@alice 核实 …" (a Slack command names a user) is a claim.
 */
export function parseMessage(text: string): ParsedMessage {
  const trimmed = withoutMentions(text);
  if (!trimmed) return { kind: "empty" };
  const claim = claimBody(trimmed);
  if (claim !== null) return { kind: "check", text: claim };
  const command = COMMAND.exec(trimmed);
  if (!command) return { kind: "ask", text: trimmed };
  const name = (command[1] ?? "").toLowerCase();
  const args = trimmed.slice(command[0].length).replace(ARGS_LEAD, "").trim();
  return name === "ask" ? { kind: "ask", text: args } : { kind: "command", name, args };
}
