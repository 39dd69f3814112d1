import type { PgPool } from "../../pg/pool.js";
import { type DeliveryPartRepo, type PartRow, toPart } from "../delivery-parts.js";

/** The delivery_parts table on PostgreSQL. */
export function postgresDeliveryPartRepo(pool: PgPool): DeliveryPartRepo {
  return {
    // One statement: every part is recorded, or none.
    add: async (id, payloads) =>
      void (await pool.query(
        `INSERT INTO delivery_parts (delivery_id, part, payload, status)
         SELECT $1, p.n, p.payload, 'pending' FROM unnest($2::text[]) WITH ORDINALITY AS p(payload, n)`,
        [id, payloads],
      )),
    list: async (id) =>
      (
        await pool.query<PartRow>("SELECT * FROM delivery_parts WHERE delivery_id = $1 ORDER BY part", [id])
      ).rows.map(toPart),
    mark: async (id, part, status, now, messageId) =>
      void (await pool.query(
        `UPDATE delivery_parts SET status = $1, message_id = COALESCE($2, message_id), sent_at = COALESCE($3, sent_at)
         WHERE delivery_id = $4 AND part = $5`,
        [status, messageId ?? null, now ? now.toISOString() : null, id, part],
      )),
  };
}
