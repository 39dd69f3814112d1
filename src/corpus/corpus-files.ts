import { isSupported } from "./extract.js";
import { MANIFEST_FILE } from "./manifest.js";

/** The files of a corpus directory that configure it: the manifest and the user's word lists. */
export const CONFIG_FILES: readonly string[] = [
  MANIFEST_FILE,
  "synonyms.txt",
  "indicators.txt",
  "places.txt",
];

/**
 * Notes about a corpus kept beside its documents (README.md, SOURCES.md, LICENSE.txt, CHANGELOG.md): they
 * describe the collection and are never one of its documents.
 */
const NOTE = /^(readme|sources|license|licence|changelog)(\.(md|txt))?$/i;

/** Whether a name in a corpus directory is configuration or a note rather than a document. */
export function isReservedName(name: string): boolean {
  return CONFIG_FILES.includes(name) || NOTE.test(name);
}

/** Whether a file name in a corpus directory is a document to index. */
export function isDocumentName(name: string): boolean {
  return !name.startsWith(".") && !isReservedName(name) && isSupported(name);
}
