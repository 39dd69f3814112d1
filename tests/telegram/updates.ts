import type { Message, MessageEntity, Update } from "grammy/types";
import { BOT_INFO } from "./fake-api.js";

let nextUpdate = 1;
let nextMessage = 1;

/** A user of the tests. */
export const USER = { id: 777, is_bot: false, first_name: "测试用户" };

/** Entities Telegram would attach: a bot_command at the start, mentions of @usernames. */
export function entitiesOf(text: string): MessageEntity[] {
  const cmd = /^\/[a-zA-Z_]+(@[a-zA-Z_]+)?/.exec(text);
  const out: MessageEntity[] = cmd ? [{ type: "bot_command", offset: 0, length: cmd[0].length }] : [];
  const after = cmd?.[0].length ?? 0; // "@bot" inside "/ask@bot" is part of the command, not a mention
  for (const m of text.matchAll(/@[a-zA-Z_]{5,}/g)) {
    if (m.index !== undefined && m.index >= after)
      out.push({ type: "mention", offset: m.index, length: m[0].length });
  }
  return out;
}

/** Options for a message update. */
export interface MessageOptions {
  chatId?: number;
  group?: boolean;
  userId?: number;
  replyTo?: Message;
  extra?: Partial<Message>;
}

/** A message update as Telegram sends it. */
export function messageUpdate(text: string | null, o: MessageOptions = {}): Update {
  const chatId = o.chatId ?? (o.group ? -1001 : (o.userId ?? USER.id));
  const chat = o.group
    ? { id: chatId, type: "supergroup" as const, title: "测试群" }
    : { id: chatId, type: "private" as const, first_name: USER.first_name };
  const message = {
    message_id: nextMessage++,
    date: 1_700_000_000,
    chat,
    from: { ...USER, id: o.userId ?? USER.id },
    ...(text === null ? {} : { text, entities: entitiesOf(text) }),
    ...(o.replyTo ? { reply_to_message: o.replyTo } : {}),
    ...o.extra,
  } as Message;
  return { update_id: nextUpdate++, message } as Update;
}

/** A message of the bot itself, for reply-to tests. */
export function botMessage(chatId: number, text: string): Message {
  return {
    message_id: nextMessage++,
    date: 1_700_000_000,
    chat: { id: chatId, type: "supergroup", title: "测试群" },
    from: BOT_INFO,
    text,
  } as Message;
}

/** A button press on a message of the bot. */
export function callbackUpdate(data: string, chatId: number = USER.id): Update {
  return {
    update_id: nextUpdate++,
    callback_query: {
      id: `cb${nextUpdate}`,
      from: USER,
      chat_instance: "ci",
      data,
      message: botMessage(chatId, "旧消息"),
    },
  } as Update;
}

/** An inline query `@bot <query>`. */
export function inlineUpdate(query: string, userId: number = USER.id): Update {
  return {
    update_id: nextUpdate++,
    inline_query: { id: `iq${nextUpdate}`, from: { ...USER, id: userId }, query, offset: "" },
  } as Update;
}
