import { readRegularFile } from "../corpus/read-regular-file.js";

/**
 * The text of a word table a user supplies (synonyms.txt, indicators.txt or places.txt in the corpus directory,
 * SYNONYMS_FILE): a regular file only, opened without blocking, so that a FIFO or a directory by that name is
 * refused with its name (INPUT_INVALID) instead of hanging the start or failing with EISDIR.
 */
export function tableText(path: string): string {
  return new TextDecoder().decode(readRegularFile(path, path));
}
