import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Database } from "better-sqlite3";

/** The marker beside the database: which store this DATA_DIR holds, so an emptied or swapped one is noticed. */
export const MARKER_FILE = "bot.sqlite.id";

/** What the marker records. */
export interface StoreMarker {
  storeId: string;
  createdAt: string;
}

/** The id the database carries in store_info (written by migration 2). */
export function storeIdOf(db: Database): string {
  const row = db.prepare("SELECT value FROM store_info WHERE key = 'store_id'").get() as
    | { value: string }
    | undefined;
  return row?.value ?? "";
}

/** The marker of a data directory; null when there is none yet (a first start) or it cannot be read. */
export function readMarker(dataDir: string): StoreMarker | null {
  try {
    const m = JSON.parse(readFileSync(join(dataDir, MARKER_FILE), "utf8")) as Partial<StoreMarker>;
    return typeof m.storeId === "string" && typeof m.createdAt === "string"
      ? { storeId: m.storeId, createdAt: m.createdAt }
      : null;
  } catch {
    return null;
  }
}

/** Records the store a data directory holds; a marker that cannot be written only costs the check. */
export function writeMarker(dataDir: string, marker: StoreMarker): void {
  try {
    writeFileSync(join(dataDir, MARKER_FILE), `${JSON.stringify(marker)}\n`);
  } catch {
    // Read-only marker: the store itself opened, so it is writable; nothing worth failing for.
  }
}
