import MiniSearch from "minisearch";
import type { Article, DocumentMeta, Passage } from "../corpus/types.js";
import { PLAN_TITLE, TARGET_PASSAGE } from "../lexicon/period-words.js";
import { findPlaces, type Gazetteer, homePlace } from "../lexicon/places.js";
import { normalizeQuery } from "../text/script.js";
import { statedYears } from "../text/stated-years.js";
import { documentPeriods, type PeriodFacts } from "./periods.js";
import { searchTokens, splitTokens } from "./tokens.js";

/** What ranking needs to know about a passage beyond its text. */
export interface PassageFacts {
  /** Place names the sentence mentions, or (when it names none) the place its article's headline names. */
  places: string[];
  /** Years the sentence mentions. */
  years: number[];
  /** Searchable text of the whole paragraph, for context. */
  context: string;
  /** Searchable text of the article headline and section heading the passage stands under. */
  heading: string;
  /** The passage states a goal (到2027年…, 力争…, or stands in a plan document) rather than an achieved value. */
  target: boolean;
  /** The period the passage speaks of: achieved, target, five-year, long-range or plan, and its years. */
  period: PeriodFacts;
}

/** The searchable corpus: passages, their facts, document metadata, and the MiniSearch index over them. */
export interface CorpusIndex {
  passages: Passage[];
  facts: PassageFacts[];
  docs: Map<string, DocumentMeta>;
  articles: Map<string, Article[]>;
  /** Per document, the place it is mostly about (its "我市"). */
  homes: Map<string, string | null>;
  /** Per article (`doc#index`), the years it mentions. */
  articleYears: Map<string, Set<number>>;
  /** Document frequency of each token, for term weights. */
  df: Map<string, number>;
  index: MiniSearch<{ id: number }>;
  /** Place names recognised in passages and questions. */
  gazetteer: Gazetteer;
  /** Passage ids of each document, for removal. */
  docPassages: Map<string, number[]>;
  /** Content hash of each document's file, when known. */
  hashes: Map<string, string>;
}

/**
 * Terms are stored as the hex digits of their UTF-16 code units. MiniSearch's radix tree scans every child of
 * a node when it inserts or looks up a term, and Chinese terms give a node thousands of children (one per
 * leading character); in hex no node has more than 16. Prefix and fuzzy search, which the encoding would
 * change, are not used (both would turn 学校 into 学位).
 */
export function encodeTerm(term: string): string {
  let out = "";
  for (let i = 0; i < term.length; i++) out += term.charCodeAt(i).toString(16).padStart(4, "0");
  return out;
}

/** The options MiniSearch needs both when building and when loading an index. */
export const MINISEARCH_OPTIONS = {
  fields: ["text"],
  tokenize: splitTokens,
  processTerm: encodeTerm,
  searchOptions: { tokenize: splitTokens, processTerm: encodeTerm, fuzzy: false, prefix: false },
};

/** A document ready for indexing. */
export interface IndexInput {
  meta: DocumentMeta;
  articles: Article[];
  passages: Omit<Passage, "id">[];
  /** Content hash of the file, when known: lets a re-scan skip unchanged files. */
  hash?: string;
  /** Each passage's search tokens, when already segmented (by the loading worker); else segmented here. */
  tokens?: string[][];
}

/** An empty index (documents are added with addDocuments). */
export function createIndex(gazetteer: Gazetteer): CorpusIndex {
  return {
    passages: [],
    facts: [],
    docs: new Map(),
    articles: new Map(),
    homes: new Map(),
    articleYears: new Map(),
    df: new Map(),
    index: new MiniSearch(MINISEARCH_OPTIONS),
    gazetteer,
    docPassages: new Map(),
    hashes: new Map(),
  };
}

/** Adds documents to the index (a document already there under the same name is replaced). */
export function addDocuments(ix: CorpusIndex, docs: IndexInput[]): void {
  const entries: Array<{ id: number; text: string }> = [];
  for (const d of docs) {
    if (ix.docs.has(d.meta.doc)) removeDocument(ix, d.meta.doc);
    // one at a time: spreading a large document's entries as arguments overflows the stack (~120,000 passages)
    for (const entry of indexDocument(ix, d)) entries.push(entry);
  }
  ix.index.addAll(entries);
}

/** Removes a document: its passages leave the search index and the term counts. */
export function removeDocument(ix: CorpusIndex, doc: string): void {
  for (const id of ix.docPassages.get(doc) ?? []) {
    // Removal is rare: segmenting the sentence again is cheaper than keeping every token list in memory.
    const tokens = searchTokens(ix.passages[id]?.norm ?? "");
    // Removed, not discarded: a discarded passage stays in MiniSearch's postings until a vacuum, and until then
    // counts in a term's idf for some of the passages scored and not others (the PostgreSQL index counts exactly).
    const entry = { id, text: tokens.join(" ") };
    ix.index.remove(entry);
    for (const t of new Set(tokens)) {
      const n = (ix.df.get(t) ?? 1) - 1;
      if (n > 0) ix.df.set(t, n);
      else ix.df.delete(t);
    }
  }
  for (const key of [...ix.articleYears.keys()]) if (key.startsWith(`${doc}#`)) ix.articleYears.delete(key);
  for (const map of [ix.docs, ix.articles, ix.homes, ix.docPassages, ix.hashes]) map.delete(doc);
}

function indexDocument(ix: CorpusIndex, d: IndexInput): Array<{ id: number; text: string }> {
  ix.docs.set(d.meta.doc, d.meta);
  ix.articles.set(d.meta.doc, d.articles);
  if (d.hash) ix.hashes.set(d.meta.doc, d.hash);
  const contexts = paragraphContexts(d);
  const placeCounts = new Map<string, number>();
  // Headline and section heading, normalized, with the places they name: the same for every passage under them.
  const headings = new Map<string, { title: string; places: string[] }>();
  const ids: number[] = [];
  const entries: Array<{ id: number; text: string }> = [];
  const periods = documentPeriods(d.meta, d.passages);
  d.passages.forEach((p, i) => {
    const id = ix.passages.length;
    const own = findPlaces(ix.gazetteer, p.norm);
    for (const pl of own) placeCounts.set(pl, (placeCounts.get(pl) ?? 0) + 1);
    const raw = [d.articles[p.article]?.title ?? "", p.section ?? ""].join(" ");
    let heading = headings.get(raw);
    if (!heading) {
      const title = normalizeTitle(raw);
      heading = { title, places: findPlaces(ix.gazetteer, title) };
      headings.set(raw, heading);
    }
    const title = heading.title;
    const places = own.length > 0 ? own : heading.places;
    const years = statedYears(p.norm, p.figures);
    ix.passages.push({ ...p, id });
    ix.facts.push({
      places,
      years,
      context: contexts.get(paragraphKey(p)) ?? "",
      heading: ` ${title} `,
      target: false,
      period: periods[i] as PeriodFacts,
    });
    addYears(ix.articleYears, `${p.doc}#${p.article}`, years);
    const tokens = d.tokens?.[i] ?? searchTokens(p.norm);
    for (const t of new Set(tokens)) ix.df.set(t, (ix.df.get(t) ?? 0) + 1);
    entries.push({ id, text: tokens.join(" ") });
    ids.push(id);
  });
  const plan = PLAN_TITLE.test(normalizeTitle(d.meta.title ?? ""));
  for (const id of ids) {
    const facts = ix.facts[id] as PassageFacts;
    facts.target =
      plan || TARGET_PASSAGE.test((ix.passages[id] as Passage).norm) || TARGET_PASSAGE.test(facts.context);
  }
  const home = documentPlace(ix.gazetteer, d, placeCounts);
  ix.homes.set(d.meta.doc, home);
  ix.docs.set(d.meta.doc, { ...d.meta, place: home });
  ix.docPassages.set(d.meta.doc, ids);
  // The home place in a passage's facts says nothing about scope ("重庆" in a Chongqing paper).
  for (const id of ids) {
    const facts = ix.facts[id];
    if (facts && home) facts.places = facts.places.filter((pl) => pl !== home);
  }
  return entries;
}

/** Passages whose places say where a document is from: its opening lines (title, subtitle, first paragraph). */
const OPENING_PASSAGES = 4;

/**
 * The place a document is about (its "我市", "全省"): among the places its title, publisher and opening lines
 * name, the one it mentions most ("2026年广东省政府工作报告" → 广东; a Chongqing paper → 重庆 even when a headline
 * names a district); with none named there, its most mentioned place.
 */
function documentPlace(gazetteer: Gazetteer, d: IndexInput, counts: Map<string, number>): string | null {
  const opening = d.passages.slice(0, OPENING_PASSAGES).map((p) => p.norm);
  const named = [d.meta.title ?? "", d.meta.publisher ?? "", ...opening].flatMap((t) =>
    findPlaces(gazetteer, normalizeTitle(t)),
  );
  if (named.length === 0) return homePlace(counts);
  return named.reduce((best, pl) => ((counts.get(pl) ?? 0) > (counts.get(best) ?? 0) ? pl : best));
}

function normalizeTitle(title: string): string {
  return normalizeQuery(title);
}

function addYears(map: Map<string, Set<number>>, key: string, years: number[]): void {
  const set = map.get(key) ?? new Set<number>();
  for (const y of years) set.add(y);
  map.set(key, set);
}

function paragraphKey(p: { doc: string; article: number; paragraph: number }): string {
  return `${p.doc}#${p.article}#${p.paragraph}`;
}

/** The normalized text of each paragraph, joined from its sentences. */
function paragraphContexts(d: IndexInput): Map<string, string> {
  const map = new Map<string, string>();
  for (const p of d.passages) {
    const key = paragraphKey(p);
    map.set(key, (map.get(key) ?? "") + p.norm);
  }
  return map;
}
