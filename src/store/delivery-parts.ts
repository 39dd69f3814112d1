import type { Database } from "better-sqlite3";

/**
 * pending: not sent yet (or proven not delivered); sending: handed to the platform, outcome not recorded yet;
 * sent: acknowledged, with the platform's message id; unknown: may have arrived, never sent again; failed: refused.
 */
export type PartStatus = "pending" | "sending" | "sent" | "unknown" | "failed";

/** One message of a delivery, as rendered for its platform when the delivery was first claimed. */
export interface DeliveryPart {
  deliveryId: number;
  /** 1-based, in sending order. */
  part: number;
  /** The rendered message (Telegram HTML, Slack blocks as JSON): a resumed delivery sends exactly this. */
  payload: string;
  status: PartStatus;
  /** The platform's id of the sent message (Telegram message_id, Slack ts). */
  messageId: string | null;
  sentAt: string | null;
}

/** The parts of multi-part deliveries: a restart resumes at the first part not recorded as sent. */
export interface DeliveryPartRepo {
  /** Records a delivery's rendered messages, all pending, in one transaction. */
  add(deliveryId: number, payloads: string[]): Promise<void>;
  /** A delivery's parts in sending order (none before it was rendered). */
  list(deliveryId: number): Promise<DeliveryPart[]>;
  /** Records a part's state; `messageId` and `now` when it was sent. */
  mark(deliveryId: number, part: number, status: PartStatus, now?: Date, messageId?: string): Promise<void>;
}

/** A delivery_parts row as both backends return it. */
export interface PartRow {
  delivery_id: number;
  part: number;
  payload: string;
  status: PartStatus;
  message_id: string | null;
  sent_at: string | null;
}

/** A row as a DeliveryPart. */
export const toPart = (r: PartRow): DeliveryPart => ({
  deliveryId: r.delivery_id,
  part: r.part,
  payload: r.payload,
  status: r.status,
  messageId: r.message_id,
  sentAt: r.sent_at,
});

/** The delivery_parts table. */
export function deliveryPartRepo(db: Database): DeliveryPartRepo {
  const insert = db.prepare(
    "INSERT INTO delivery_parts (delivery_id, part, payload, status) VALUES (?, ?, ?, 'pending')",
  );
  const list = db.prepare("SELECT * FROM delivery_parts WHERE delivery_id = ? ORDER BY part");
  const mark = db.prepare(
    `UPDATE delivery_parts SET status = ?, message_id = COALESCE(?, message_id), sent_at = COALESCE(?, sent_at)
     WHERE delivery_id = ? AND part = ?`,
  );
  const addAll = db.transaction((id: number, payloads: string[]) => {
    for (const [i, p] of payloads.entries()) insert.run(id, i + 1, p);
  });
  return {
    add: async (id, payloads) => addAll(id, payloads),
    list: async (id) => (list.all(id) as PartRow[]).map(toPart),
    mark: async (id, part, status, now, messageId) =>
      void mark.run(status, messageId ?? null, now ? now.toISOString() : null, id, part),
  };
}
