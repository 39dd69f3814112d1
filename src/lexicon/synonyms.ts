import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { normalizeQuery } from "../text/script.js";
import { tableText } from "./table-file.js";

/** Synonym groups: for each word, the other words that name the same thing. */
export type SynonymTable = Map<string, Set<string>>;

/** The table shipped with the project. */
export const DEFAULT_SYNONYMS_FILE = fileURLToPath(new URL("./synonyms.txt", import.meta.url));

/** The indicator vocabulary shipped with the project: what people type ⇄ what reports write (GDP ⇄ 地区生产总值). */
export const DEFAULT_INDICATORS_FILE = fileURLToPath(new URL("./indicators.txt", import.meta.url));

/**
 * The shipped indicator vocabulary's words of three Han characters or more ("研发强度", "城镇新增就业"): jieba
 * keeps each one word. Words a corpus adds (its indicators.txt) match as words and in pieces, but do not change
 * the segmentation, which is shared by every corpus of the process and fixed in its snapshots.
 */
export function segmentationWords(): string[] {
  return [...parseSynonyms(readFileSync(DEFAULT_INDICATORS_FILE, "utf8")).keys()].filter(
    (w) => w.length >= 3 && /^\p{Script=Han}+$/u.test(w),
  );
}

/** The files of a corpus directory that add to the tables: synonyms and indicator vocabulary. */
export const CORPUS_TABLE_FILES = ["synonyms.txt", "indicators.txt"] as const;

/** Parses the synonym file format: one group a line, words separated by spaces, "#" comments. */
export function parseSynonyms(text: string, into: SynonymTable = new Map()): SynonymTable {
  for (const line of text.split(/\r?\n/)) {
    const body = line.replace(/#.*$/, "").trim();
    if (!body) continue;
    const words = [...new Set(body.split(/\s+/).map((w) => normalizeQuery(w)))].filter(Boolean);
    for (const w of words) {
      const set = into.get(w) ?? new Set<string>();
      for (const other of words) if (other !== w) set.add(other);
      into.set(w, set);
    }
  }
  return into;
}

/** Reads the shipped table and any extra files that exist (a user's synonyms.txt in the corpus directory). */
export function loadSynonyms(extraFiles: string[] = []): SynonymTable {
  const table = parseSynonyms(readFileSync(DEFAULT_SYNONYMS_FILE, "utf8"));
  parseSynonyms(readFileSync(DEFAULT_INDICATORS_FILE, "utf8"), table);
  for (const f of extraFiles) if (existsSync(f)) parseSynonyms(tableText(f), table);
  return table;
}

/** The word's synonyms (not including the word). */
export function synonymsOf(table: SynonymTable, word: string): string[] {
  return [...(table.get(word) ?? [])];
}
