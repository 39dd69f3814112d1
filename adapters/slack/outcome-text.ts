import { helpText, type Outcome, refusalText, unknownCommandText } from "../../src/mod.js";
import { escapeMrkdwn } from "./escape-mrkdwn.js";

/** Every outcome but a reply: what to say instead. */
export type NotAnswered = Exclude<Outcome, { kind: "reply" }>;

/**
 * The text for a message that got no reply: its usage, a refusal, or a command (only help is one here; Slack
 * keeps slash commands for itself). Escaped: an unknown command is echoed as the user typed it.
 */
export function outcomeText(outcome: NotAnswered): string {
  if (outcome.kind === "refused") return escapeMrkdwn(refusalText(outcome.refusal, "slack"));
  if (outcome.kind === "command" && outcome.name !== "help")
    return escapeMrkdwn(unknownCommandText(`/${outcome.name}`, "slack"));
  return escapeMrkdwn(helpText("slack"));
}
