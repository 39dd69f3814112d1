import { migratePg } from "../../pg/migrations.js";
import { openPool, type PgPool } from "../../pg/pool.js";
import type { Store, StoreOpening } from "../open-store.js";
import { postgresDeliveryRepo } from "./deliveries.js";
import { postgresDeliveryPartRepo } from "./delivery-parts.js";
import { postgresDocumentRepo } from "./documents.js";
import { postgresFeedbackRepo } from "./feedback.js";
import { classifyPostgresError, redactedUrl } from "./postgres-problem.js";
import { postgresSubscriptionRepo } from "./subscriptions.js";

/** How to open the PostgreSQL store. */
export interface PostgresStoreOptions {
  /** Stamps applied migrations (defaults to the current time). */
  now?: Date;
  /** Connections this store may hold (default 10). */
  poolSize?: number;
  /** How long a new connection may take (default 10 s). */
  connectTimeoutMs?: number;
}

/** The store's repositories over a pool whose schema is up to date; close() ends the pool. */
export function postgresStore(pool: PgPool, where: string, version: number): Store {
  return {
    file: where,
    version,
    documents: postgresDocumentRepo(pool),
    subscriptions: postgresSubscriptionRepo(pool),
    deliveries: postgresDeliveryRepo(pool),
    parts: postgresDeliveryPartRepo(pool),
    feedback: postgresFeedbackRepo(pool),
    close: () => pool.end(),
  };
}

/**
 * Connects to DATABASE_URL and applies the PostgreSQL migrations (once across replicas starting together). A
 * server that is down, a wrong password or a missing database is reported as a value, with what to fix.
 */
export async function tryOpenPostgresStore(
  url: string,
  options: PostgresStoreOptions = {},
): Promise<StoreOpening> {
  const pool = openPool(url, {
    application: "policy-facts-bot store",
    max: options.poolSize,
    connectTimeoutMs: options.connectTimeoutMs,
  });
  try {
    const version = await migratePg(pool, options.now ?? new Date());
    return { kind: "open", store: postgresStore(pool, redactedUrl(url), version), notices: [] };
  } catch (e) {
    await pool.end().catch(() => {});
    return { kind: "unavailable", problem: classifyPostgresError(url, e) };
  }
}
