import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const DIRS = ["../corpus/", "../text/", "./"];

/**
 * A hash of the code and tables that shape the index (cleaning, segmentation, figures, indexing), so that a
 * snapshot built by other code is never reused after an upgrade.
 */
export function indexCodeVersion(): string {
  const h = createHash("sha256");
  for (const rel of DIRS) {
    const dir = fileURLToPath(new URL(rel, import.meta.url));
    for (const f of readdirSync(dir).sort()) {
      if (/\.(ts|js|txt)$/.test(f)) h.update(`${f}\0`).update(readFileSync(dir + f));
    }
  }
  return h.digest("hex");
}
