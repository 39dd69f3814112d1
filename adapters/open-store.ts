import {
  type Config,
  classifyPostgresError,
  classifyStoreError,
  describeStoreNotice,
  describeStoreProblem,
  type SeenDocument,
  type Store,
  tryOpenStore,
} from "../src/mod.js";

/**
 * Opens the running bot's store (PostgreSQL when DATABASE_URL is set, else DATA_DIR's SQLite file) and records
 * the corpus documents it starts with. A store that is damaged, read-only, locked or unreachable is not fatal:
 * one log line says what is unavailable and how to fix it, and the bot runs without digests and 👍/👎 (null).
 * An emptied or replaced SQLite store is logged, then used.
 */
export async function openStoreSafely(
  config: Pick<Config, "DATA_DIR" | "DATABASE_URL">,
  docs: SeenDocument[],
  log: (line: string) => void,
): Promise<Store | null> {
  const now = new Date();
  const opening = await tryOpenStore(config.DATA_DIR, { now, databaseUrl: config.DATABASE_URL });
  if (opening.kind === "unavailable") {
    log(describeStoreProblem(opening.problem));
    return null;
  }
  for (const n of opening.notices) log(describeStoreNotice(n));
  try {
    await opening.store.documents.recordSeen(docs, now);
    return opening.store;
  } catch (e) {
    // Opened, but a write failed (a lock taken since, a full disk, the server gone): the same degraded start.
    await opening.store.close();
    const url = config.DATABASE_URL;
    log(
      describeStoreProblem(url ? classifyPostgresError(url, e) : classifyStoreError(opening.store.file, e)),
    );
    return null;
  }
}
