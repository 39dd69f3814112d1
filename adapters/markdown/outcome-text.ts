import { helpText, type Outcome, refusalText, unknownCommandText } from "../../src/mod.js";

/** Every outcome of a message but a reply. */
export type NotAnswered = Exclude<Outcome, { kind: "reply" }>;

/**
 * What Feishu, DingTalk and WeCom say instead of an answer: the core's wording for their surface ("im").
 * Unescaped: the platform's renderer escapes it.
 */
export function notAnsweredText(outcome: NotAnswered): string {
  if (outcome.kind === "refused") return refusalText(outcome.refusal, "im");
  if (outcome.kind === "command" && outcome.name !== "help")
    return unknownCommandText(`/${outcome.name}`, "im");
  return helpText("im");
}
