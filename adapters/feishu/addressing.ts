/** The part of an im.message.receive_v1 event the bot reads (Feishu's field names). */
export interface ReceivedMessage {
  event_id?: string;
  sender?: { sender_id?: { open_id?: string; user_id?: string }; sender_type?: string };
  message?: {
    message_id?: string;
    chat_id?: string;
    chat_type?: string;
    message_type?: string;
    content?: string;
    mentions?: Array<{ key?: string; id?: { open_id?: string }; name?: string }>;
  };
}

/**
 * Whether the bot should answer: every message in a one-to-one chat; in a group only one that @mentions the bot
 * itself (an app with the permission to read all group messages gets the rest too, and ignores them). Messages
 * from apps (this bot included) are never answered.
 */
export function isAddressed(ev: ReceivedMessage, botOpenId: string): boolean {
  if (ev.sender?.sender_type && ev.sender.sender_type !== "user") return false;
  if (ev.message?.chat_type === "p2p") return true;
  return Boolean(botOpenId) && (ev.message?.mentions ?? []).some((m) => m.id?.open_id === botOpenId);
}

/**
 * The text of a text message as typed, its mentions still in as Feishu writes them (@_user_1): they are
 * removed where every platform's messages are parsed (parseMessage). Null for any other kind of message.
 */
export function messageText(ev: ReceivedMessage): string | null {
  if (ev.message?.message_type !== "text") return null;
  try {
    const body = JSON.parse(ev.message.content ?? "") as { text?: unknown };
    return typeof body.text === "string" ? body.text : null;
  } catch {
    return null;
  }
}
