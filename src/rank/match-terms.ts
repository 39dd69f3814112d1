import { escapeRegExp } from "../lexicon/lexicon.js";
import { CONTRACTIONS, RESPECTIVELY } from "../lexicon/list-words.js";
import { CLAUSE_END, charClass, LIST_MARK, spanBetween } from "../lexicon/punctuation.js";
import { isStopword } from "../lexicon/stopwords.js";
import type { SynonymTable } from "../lexicon/synonyms.js";
import { PER_UNIT_QUALIFIERS } from "../lexicon/units.js";
import { cutForSearch } from "../text/segment.js";
import type { RankingProfile } from "./profile.js";

type TermWeights = RankingProfile["terms"];

/** A word of Latin letters and digits only (at least one letter). */
const LATIN_WORD = /^[a-z0-9._-]*[a-z][a-z0-9._-]*$/i;

/** A question word with its weight and the alternative spellings that count as a match. */
export interface WeightedTerm {
  word: string;
  weight: number;
  alternatives: string[];
  /** The word and its alternatives: every spelling that counts as a match. */
  forms: string[];
  /**
   * Ways to write the word in pieces: for the word and each alternative, the shorter words inside it, each with
   * its synonyms ("教师工资" -> 教师, 工资; "经济增长" ⇄ "地区生产总值增长" -> 地区生产总值 or GDP…, 增长). Every
   * piece of one split present is nearly a match.
   */
  splits: TermPart[][];
  /** Per-unit indicators of the vocabulary holding a spelling of it: an occurrence inside one is no match. */
  perUnit: string[];
  /** Its spellings with a contraction for a member (城乡… for 农村…): a match only where 分别 pairs items. */
  contracted: string[];
}

/** One piece of a split word: its spellings, and one pattern finding any of them (longest first). */
export interface TermPart {
  forms: string[];
  pattern: RegExp;
  /** The same pattern, global, for finding every occurrence. */
  every: RegExp;
}

/** Parts are compiled once per word spelling: a question's terms are weighed again for every ranking. */
const partCache = new Map<string, TermPart>();
function termPart(forms: string[]): TermPart {
  const key = forms.join("\u0001");
  let part = partCache.get(key);
  if (!part) {
    const source = forms.map(escapeRegExp).join("|");
    part = { forms, pattern: new RegExp(source), every: new RegExp(source, "g") };
    if (partCache.size > 10_000) partCache.clear();
    partCache.set(key, part);
  }
  return part;
}

/** Where a term was found: in the sentence (with positions), its paragraph, or its headings. */
export interface TermHit {
  term: WeightedTerm;
  /** 1 in the sentence, 0.5 in paragraph or headings, a share of bigrams for a partial match, 0 if absent. */
  strength: number;
  /** Character ranges of the term (or its alternative) in the sentence. */
  spans: Array<[number, number]>;
}

/**
 * A word's spellings with a contraction for a member ("农村居民收入" also as 城乡居民收入): a sentence naming
 * both members states it only item by item, where 分别 pairs them with their figures.
 */
function contractedForms(forms: string[]): string[] {
  const out: string[] = [];
  for (const form of forms)
    for (const [short, members] of CONTRACTIONS)
      for (const m of members) if (form.startsWith(m)) out.push(short + form.slice(m.length));
  return [...new Set(out)].filter((f) => !forms.includes(f));
}

/**
 * Weights question words by inverse document frequency and attaches their synonyms (2+ characters).
 * A word the corpus never uses and has no synonym for ("要建") is replaced by its characters, at half weight.
 */
export function weighTerms(
  words: string[],
  df: (token: string) => number,
  total: number,
  synonyms: SynonymTable,
  w: TermWeights,
): WeightedTerm[] {
  const known = (w: string) => df(w) > 0 || [...(synonyms.get(w) ?? [])].some((s) => df(s) > 0);
  // A word in Latin letters the corpus never writes ("alice", "hello": a name, a handle, a stray word in a
  // Chinese question) matches no sentence: it would weigh most and veto every answer. Chinese words the corpus
  // lacks (赛力斯, 商品房均价) still count: they name what the question is about.
  const noise = (w: string) => LATIN_WORD.test(w) && !known(w);
  const expanded = mergeCompounds(
    words.filter((w) => !noise(w)),
    synonyms,
  )
    .flatMap((w) => (w.length >= 3 && !known(w) ? knownParts(w, known) : [w]))
    .flatMap((w) => (w.length === 2 && !known(w) ? [...w].filter((c) => !isStopword(c)) : [w]));
  return [...new Set(expanded)].map((word) => {
    const alternatives = [...(synonyms.get(word) ?? [])].filter((s) => s.length >= 2);
    const contracted = contractedForms([word, ...alternatives]);
    const freq = Math.max(df(word), ...alternatives.map(df));
    const idf = Math.log(1 + total / (freq + 1));
    const weight = Math.max(w.minWeight, idf) * (word.length === 1 ? w.singleChar : 1);
    const forms = [word, ...alternatives];
    const withSynonyms = (p: string) =>
      termPart(
        [p, ...[...(synonyms.get(p) ?? [])].filter((s) => s.length >= 2)].sort((a, b) => b.length - a.length),
      );
    const splits = forms
      .map(partsOf)
      .filter((ps) => ps.length > 0)
      .map((ps) => ps.map(withSynonyms));
    return { word, weight, alternatives, forms, splits, perUnit: perUnitOf(forms, synonyms), contracted };
  });
}

/** The words a long word splits into, when they cover it ("教育强市" -> 教育 alone is not 教育强市). */
function partsOf(word: string): string[] {
  if (word.length < 3) return [];
  const found = cutForSearch(word).filter((p) => p !== word && p.length >= 2);
  return found.join("").length >= word.length ? found : [];
}

/**
 * The corpus words inside an unknown compound ("资金投入" -> 资金, 投入; "赛力斯归母" -> 赛力斯, 归母), found as
 * the longest known pieces from left to right; the word itself if none is known.
 */
function knownParts(word: string, known: (w: string) => boolean): string[] {
  const parts = cutForSearch(word).filter((p) => p !== word && p.length >= 2 && known(p));
  // A piece the corpus never uses stays a word of its own: "结婚登记" is not answered by 登记 alone.
  const split = partsOf(word);
  if (parts.length > 0 && split.some((p) => !known(p))) return [...new Set([...parts, ...split])];
  if (parts.length > 0) return [...new Set(parts)];
  const pieces: string[] = [];
  for (let i = 0; i < word.length; ) {
    let j = word.length;
    while (j > i + 1 && !known(word.slice(i, j))) j--;
    if (j > i + 1) pieces.push(word.slice(i, j));
    i = Math.max(j, i + 1);
  }
  return pieces.length > 0 ? pieces : [word];
}

/** Joins neighbouring words that the synonym table knows as one ("公办" + "幼儿园" -> 公办幼儿园, alias 公办园). */
function mergeCompounds(words: string[], synonyms: SynonymTable): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const pair = `${words[i]}${words[i + 1] ?? ""}`;
    if (i + 1 < words.length && synonyms.has(pair)) {
      out.push(pair);
      i++;
    } else out.push(words[i] as string);
  }
  return out;
}

/** Whether an occurrence of `word` in the sentence covers the range [from, to). */
function covers(sentence: string, word: string, from: number, to: number): boolean {
  for (let k = sentence.indexOf(word); k >= 0 && k <= from; k = sentence.indexOf(word, k + 1))
    if (k + word.length >= to) return true;
  return false;
}

/** Per-unit indicators of the vocabulary, per table (人均地区生产总值, 单位地区生产总值能耗…). */
const perUnitWords = new WeakMap<SynonymTable, string[]>();

/** The vocabulary's per-unit indicators that hold one of `forms` without being one ("人均生产总值" for 生产总值). */
function perUnitOf(forms: string[], synonyms: SynonymTable): string[] {
  let words = perUnitWords.get(synonyms);
  if (!words) {
    words = [...synonyms.keys()].filter((v) => PER_UNIT_QUALIFIERS.some((u) => v.startsWith(u)));
    perUnitWords.set(synonyms, words);
  }
  return words.filter((v) => !forms.includes(v) && forms.some((f) => v.includes(f)));
}

/** The clauses of the sentence last asked for: a passage's terms are matched one after the other. */
let lastSentence = "";
let lastClauses: string[] = [];
function clausesOf(sentence: string): string[] {
  if (sentence !== lastSentence) {
    lastSentence = sentence;
    lastClauses = sentence.split(CLAUSE_MARKS);
  }
  return lastClauses;
}

/** Where a sentence's clauses end. */
const CLAUSE_MARKS = new RegExp(charClass(CLAUSE_END));

/** The ranges a part's pattern matches in a sentence. */
function matchSpans(sentence: string, part: TermPart): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  part.every.lastIndex = 0;
  for (let m = part.every.exec(sentence); m; m = part.every.exec(sentence))
    out.push([m.index, m.index + m[0].length]);
  return out;
}

/** Finds every occurrence of `needle` in `hay`. */
function occurrences(hay: string, needle: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + 1)) out.push([i, i + needle.length]);
  return out;
}

/** Matches one term against a sentence, then its paragraph and headings. */
export function matchTerm(term: WeightedTerm, sentence: string, context: string, w: TermWeights): TermHit {
  const spans: Array<[number, number]> = [];
  let literal = false;
  for (const f of term.forms) {
    for (let i = sentence.indexOf(f); i >= 0; i = sentence.indexOf(f, i + 1)) {
      // "人均地区生产总值" is another indicator than 地区生产总值 (or its 生产总值).
      if (term.perUnit.length > 0 && term.perUnit.some((v) => covers(sentence, v, i, i + f.length))) continue;
      spans.push([i, i + f.length]);
      literal ||= f === term.word;
    }
  }
  // The question's own word beats a synonym of it ("印发…规划" over "出台…计划").
  if (spans.length > 0) return { term, strength: literal ? w.literal : w.synonym, spans };
  // A contracted form counts only as the one item of a 分别 list, opening its clause ("城乡居民…分别达A、B");
  // not as the noun a list of other things shares ("对中亚五国、东盟进出口分别增长…").
  if (term.contracted.length > 0 && RESPECTIVELY.test(sentence))
    for (const f of term.contracted)
      for (const [s, e] of occurrences(sentence, f)) {
        const [start, end] = spanBetween(sentence, s, e, CLAUSE_END);
        const by = RESPECTIVELY.exec(sentence.slice(e, end));
        const item = by ? sentence.slice(start, e + by.index) : "";
        if (by && s - start <= 2 && !item.includes(LIST_MARK)) spans.push([s, e]);
      }
  if (spans.length > 0) return { term, strength: w.synonym, spans };
  // The word in pieces in one clause of the sentence says more than the whole word somewhere in its paragraph
  // ("地区生产总值达到5.53万亿元、增长4.8%"; not "研发经费投入年均增长10%，…产业增加值比重30%").
  // Per-unit indicators (人均地区生产总值) are masked: their pieces are not this word's.
  const inside = term.perUnit.filter((v) => sentence.includes(v));
  const own = inside.reduce((t, v) => t.split(v).join("\u3000".repeat(v.length)), sentence);
  // Every piece in the sentence first (most candidates fail here), then in one clause.
  const split = term.splits.find(
    (parts) =>
      parts.every((part) => part.pattern.test(own)) &&
      clausesOf(own).some((c) => parts.every((part) => part.pattern.test(c))),
  );
  if (split) return { term, strength: w.parts, spans: split.flatMap((part) => matchSpans(own, part)) };
  for (const f of term.forms) if (context.includes(f)) return { term, strength: w.context, spans: [] };
  return {
    term,
    strength: partialStrength(term.word, sentence, w.partial),
    spans: bigramSpans(term.word, sentence),
  };
}

/** Share of a long word's character pairs present in the sentence, halved ("博士学位" in "博士、硕士学位"). */
function partialStrength(word: string, sentence: string, weight: number): number {
  if (word.length < 3) return 0;
  let found = 0;
  for (let i = 0; i + 2 <= word.length; i++) if (sentence.includes(word.slice(i, i + 2))) found++;
  return (weight * found) / (word.length - 1);
}

function bigramSpans(word: string, sentence: string): Array<[number, number]> {
  if (word.length < 3) return [];
  const out: Array<[number, number]> = [];
  for (let i = 0; i + 2 <= word.length; i++) out.push(...occurrences(sentence, word.slice(i, i + 2)));
  return out;
}

/** Weighted share of the question's terms that the passage covers. */
export function coverage(hits: TermHit[]): number {
  const total = hits.reduce((s, h) => s + h.term.weight, 0);
  if (total === 0) return 0;
  return hits.reduce((s, h) => s + h.term.weight * h.strength, 0) / total;
}
