import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** The code and tables that decide what the index holds (ranking and answering read it and may change freely). */
const SOURCES = [
  "../corpus/",
  "../text/",
  "./corpus-index.ts",
  "./tokens.ts",
  "./stopwords.ts",
  "./places.ts",
  "./places.txt",
  "./snapshot.ts",
  "./minisearch-load.ts",
];

/**
 * A hash of the code and tables that shape the index (cleaning, segmentation, figures, indexing), so that a
 * snapshot built by other code is never reused after an upgrade.
 */
export function indexCodeVersion(): string {
  const h = createHash("sha256");
  for (const rel of SOURCES) {
    const path = fileURLToPath(new URL(rel, import.meta.url));
    const files = rel.endsWith("/")
      ? readdirSync(path)
          .sort()
          .map((f) => path + f)
      : [path];
    for (const f of files) if (/\.(ts|js|txt)$/.test(f)) h.update(`${f}\0`).update(readFileSync(f));
  }
  return h.digest("hex");
}
