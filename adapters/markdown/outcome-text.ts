import { helpText, type Outcome, refusalText, unknownCommandText } from "../../src/mod.js";

/** Every outcome of a message but a reply. */
export type NotAnswered = Exclude<Outcome, { kind: "reply" }>;

/**
 * What Feishu, DingTalk and WeCom say instead of an answer. The core words help and refusals per surface; these
 * platforms read messages the way Slack's mentions and DMs are read (plain sentences, 核实 for a claim), so
 * Slack's help fits them, and Telegram's refusals (they name /ask and /check, which a message here may start
 * with too). Unescaped: the platform's renderer escapes it.
 */
export function notAnsweredText(outcome: NotAnswered): string {
  if (outcome.kind === "refused") return refusalText(outcome.refusal, "telegram");
  if (outcome.kind === "command" && outcome.name !== "help")
    return unknownCommandText(`/${outcome.name}`, "slack");
  return helpText("slack");
}
