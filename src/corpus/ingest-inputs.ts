import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { isSupported } from "./extract.js";

/** Files inside a directory that configure a corpus rather than being documents. */
const CONFIG_FILES = new Set(["manifest.json", "synonyms.txt", "places.txt"]);

function walk(dir: string, out: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith(".")) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, out);
    else if (entry.isFile() && isSupported(entry.name) && !CONFIG_FILES.has(entry.name)) out.push(path);
  }
}

/**
 * The files a batch names: a file as given (even an unsupported or missing one, so it is refused by name),
 * a directory as every supported document inside it, recursively, sorted by path.
 */
export function expandInputs(inputs: string[]): string[] {
  const files: string[] = [];
  for (const input of inputs) {
    if (!statSync(input, { throwIfNoEntry: false })?.isDirectory()) {
      files.push(input);
      continue;
    }
    const inside: string[] = [];
    walk(input, inside);
    files.push(...inside.sort());
  }
  return files;
}
