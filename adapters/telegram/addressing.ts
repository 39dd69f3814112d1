import type { Message, MessageEntity, UserFromGetMe } from "grammy/types";

function textOf(msg: Message): { text: string; entities: MessageEntity[] } {
  return { text: msg.text ?? msg.caption ?? "", entities: msg.entities ?? msg.caption_entities ?? [] };
}

function isMentionOf(text: string, e: MessageEntity, me: UserFromGetMe): boolean {
  if (e.type !== "mention") return false;
  return text.slice(e.offset, e.offset + e.length).toLowerCase() === `@${me.username.toLowerCase()}`;
}

/** Whether a command at the start of the text is for this bot (`/ask`, `/ask@thisbot`; not `/ask@otherbot`). */
function isOwnCommand(text: string, entities: MessageEntity[], me: UserFromGetMe): boolean {
  const cmd = entities.find((e) => e.type === "bot_command" && e.offset === 0);
  if (!cmd) return false;
  const target = text.slice(0, cmd.length).split("@")[1];
  return target === undefined || target.toLowerCase() === me.username.toLowerCase();
}

/**
 * Whether the bot should react to a message: always in a private chat; in a group only to its own
 * commands, to a mention of it, or to a reply to one of its messages — other chatter is ignored.
 */
export function isAddressed(msg: Message, me: UserFromGetMe): boolean {
  if (msg.chat.type === "private") return true;
  const { text, entities } = textOf(msg);
  if (isOwnCommand(text, entities, me)) return true;
  if (entities.some((e) => isMentionOf(text, e, me))) return true;
  return msg.reply_to_message?.from?.id === me.id;
}

/** The text of a message with mentions of the bot removed (`@bot 新增学位多少` → `新增学位多少`). */
export function questionText(msg: Message, me: UserFromGetMe): string {
  const { text, entities } = textOf(msg);
  // Cut from the end so earlier offsets (UTF-16, like JS strings) stay valid.
  const mentions = entities.filter((e) => isMentionOf(text, e, me)).sort((a, b) => b.offset - a.offset);
  let out = text;
  for (const e of mentions) out = out.slice(0, e.offset) + out.slice(e.offset + e.length);
  return out.trim();
}

/** The command a message starts with as Telegram marks it ("/foo", "/ask@other_bot"), or null. */
export function leadingCommand(msg: Message): string | null {
  const cmd = (msg.entities ?? []).find((e) => e.type === "bot_command" && e.offset === 0);
  return cmd ? (msg.text ?? "").slice(0, cmd.length) : null;
}
