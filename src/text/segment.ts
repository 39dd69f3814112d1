import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { segmentationWords } from "../lexicon/synonyms.js";

// nodejieba is CommonJS and sets globals named dict/hmmDict/userDict when loaded: keep it behind this module.
const require = createRequire(import.meta.url);
type Jieba = typeof import("nodejieba");
let jieba: Jieba | null = null;

const USER_WORDS = fileURLToPath(new URL("../lexicon/user-words.txt", import.meta.url));

/**
 * Loads jieba once (about 1.3 s), with the project's domain words and the indicator vocabulary's longer terms
 * ("研发强度", "城镇新增就业"), so that an indicator is one word rather than pieces that mean other things.
 */
export function loadSegmenter(): Jieba {
  if (jieba) return jieba;
  const j = require("nodejieba") as Jieba;
  j.load({ userDict: USER_WORDS });
  for (const word of segmentationWords()) j.insertWord(word);
  jieba = j;
  return j;
}

/** jieba with HMM on (without it "27.8万个" falls apart into digits). */
export function cut(text: string): string[] {
  return loadSegmenter().cut(text, true);
}

/** Search-engine mode: long words and the shorter words inside them ("高等教育" -> 高等, 教育, 高等教育). */
export function cutForSearch(text: string): string[] {
  return loadSegmenter().cutForSearch(text, true);
}

/** Words with part-of-speech tags (ns = place name, t = time...). */
export function tagWords(text: string): Array<{ word: string; tag: string }> {
  return loadSegmenter().tag(text);
}

/** Whether jieba puts a word across the boundary between `a` and `b` ("教" + "育" -> 教育). */
export function spansWord(a: string, b: string): boolean {
  const left = a.slice(-4);
  const words = cut(left + b.slice(0, 4));
  let pos = 0;
  for (const w of words) {
    if (pos < left.length && pos + w.length > left.length) return true;
    pos += w.length;
  }
  return false;
}
