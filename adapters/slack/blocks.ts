import type { types } from "@slack/bolt";

/** A Block Kit block as sent to Slack. */
export type Block = types.KnownBlock;

/** Slack's limits: characters of a section's text, blocks per message. */
export const SECTION_MAX = 3000;
export const BLOCKS_MAX = 50;

/** A mrkdwn section (callers keep text within SECTION_MAX; it is clipped as a last resort). */
export function section(text: string): Block {
  return { type: "section", text: { type: "mrkdwn", text: text.slice(0, SECTION_MAX) } };
}

/** A context block with one mrkdwn element. */
export function context(text: string): Block {
  return { type: "context", elements: [{ type: "mrkdwn", text: text.slice(0, SECTION_MAX) }] };
}

/** A button; `value` carries the cache id and offset. */
export function button(actionId: string, label: string, value: string, style?: "primary"): types.Button {
  const b: types.Button = {
    type: "button",
    action_id: actionId,
    text: { type: "plain_text", text: label, emoji: true },
    value,
  };
  if (style) b.style = style;
  return b;
}
