import {
  classifyStoreError,
  describeStoreNotice,
  describeStoreProblem,
  type SeenDocument,
  type Store,
  tryOpenStore,
} from "../src/mod.js";

/**
 * Opens DATA_DIR's store for the running bot and records the corpus documents it starts with. A store that is
 * damaged, read-only or locked is not fatal: one log line says what is unavailable and how to fix it, and the
 * bot runs without digests and 👍/👎 (null). An emptied or replaced store is logged, then used.
 */
export async function openStoreSafely(
  dataDir: string,
  docs: SeenDocument[],
  log: (line: string) => void,
): Promise<Store | null> {
  const now = new Date();
  const opening = await tryOpenStore(dataDir, { now });
  if (opening.kind === "unavailable") {
    log(describeStoreProblem(opening.problem));
    return null;
  }
  for (const n of opening.notices) log(describeStoreNotice(n));
  try {
    await opening.store.documents.recordSeen(docs, now);
    return opening.store;
  } catch (e) {
    // Opened, but a write failed (a lock taken since, a full disk): the same degraded start.
    await opening.store.close();
    log(describeStoreProblem(classifyStoreError(opening.store.file, e)));
    return null;
  }
}
