import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { isDocumentName } from "./corpus-files.js";

function walk(dir: string, out: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith(".")) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, out);
    else if (entry.isFile() && isDocumentName(entry.name)) out.push(path);
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
