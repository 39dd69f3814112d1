import MiniSearch from "minisearch";
import type { Article, DocumentMeta, Passage } from "../corpus/types.js";
import type { Figure } from "../text/figure.js";
import { normalizeQuery } from "../text/script.js";
import { findPlaces, type Gazetteer, homePlace } from "./places.js";
import { searchTokens, splitTokens } from "./tokens.js";

/** What ranking needs to know about a passage beyond its text. */
export interface PassageFacts {
  /** Place names the sentence mentions, or (when it names none) the place its article's headline names. */
  places: string[];
  /** Years the sentence mentions. */
  years: number[];
  /** Searchable text of the whole paragraph (and the article title), for context. */
  context: string;
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
}

/** The options MiniSearch needs both when building and when loading an index. */
export const MINISEARCH_OPTIONS = {
  fields: ["text", "title"],
  tokenize: splitTokens,
  processTerm: (t: string) => t,
  searchOptions: { tokenize: splitTokens, processTerm: (t: string) => t, fuzzy: false, prefix: false },
};

/** A document ready for indexing. */
export interface IndexInput {
  meta: DocumentMeta;
  articles: Article[];
  passages: Omit<Passage, "id">[];
}

/** Builds the index: segments each passage once, counts document frequencies, finds places and years. */
export function buildIndex(docs: IndexInput[], gazetteer: Gazetteer): CorpusIndex {
  const out: CorpusIndex = {
    passages: [],
    facts: [],
    docs: new Map(),
    articles: new Map(),
    homes: new Map(),
    articleYears: new Map(),
    df: new Map(),
    index: new MiniSearch(MINISEARCH_OPTIONS),
    gazetteer,
  };
  const entries: Array<{ id: number; text: string; title: string }> = [];
  for (const d of docs) {
    out.docs.set(d.meta.doc, d.meta);
    out.articles.set(d.meta.doc, d.articles);
    const contexts = paragraphContexts(d);
    const placeCounts = new Map<string, number>();
    for (const p of d.passages) {
      const id = out.passages.length;
      const passage: Passage = { ...p, id };
      const own = findPlaces(gazetteer, p.norm);
      for (const pl of own) placeCounts.set(pl, (placeCounts.get(pl) ?? 0) + 1);
      const title = [d.articles[p.article]?.title ?? "", p.section ?? ""].join(" ");
      const places = own.length > 0 ? own : findPlaces(gazetteer, normalizeTitle(title));
      const years = statedYears(p.norm, p.figures);
      out.passages.push(passage);
      out.facts.push({ places, years, context: contexts.get(paragraphKey(p)) ?? "" });
      addYears(out.articleYears, `${p.doc}#${p.article}`, years);
      const tokens = searchTokens(p.norm);
      for (const t of new Set(tokens)) out.df.set(t, (out.df.get(t) ?? 0) + 1);
      entries.push({ id, text: tokens.join(" "), title: searchTokens(normalizeTitle(title)).join(" ") });
    }
    out.homes.set(d.meta.doc, homePlace(placeCounts));
  }
  dropHomeFromFacts(out);
  out.index.addAll(entries);
  return out;
}

function normalizeTitle(title: string): string {
  return normalizeQuery(title);
}

/** A document's home place in a passage's facts says nothing about scope ("重庆" in a Chongqing paper). */
function dropHomeFromFacts(ix: CorpusIndex): void {
  ix.passages.forEach((p, i) => {
    const facts = ix.facts[i];
    const home = ix.homes.get(p.doc);
    if (facts && home) facts.places = facts.places.filter((pl) => pl !== home);
  });
}

/** Before a year, these make it a comparison base ("较2023年提高"), not the period the sentence is about. */
const COMPARISON = /(较|比|同比|相比|与|自)$/;

/** Years a sentence is about: years, dates and year ranges, without comparison bases. */
export function statedYears(norm: string, figures: Figure[]): number[] {
  const out: number[] = [];
  for (const f of figures) {
    if (f.kind !== "year" && f.kind !== "date") continue;
    if (COMPARISON.test(norm.slice(Math.max(0, f.start - 2), f.start))) continue;
    const first = f.kind === "year" ? f.value : Number((f.iso ?? "").slice(0, 4));
    if (!Number.isFinite(first) || first < 1900) continue;
    const last = f.kind === "year" && f.high ? f.high : first;
    for (let y = first; y <= last && y - first < 50; y++) out.push(y);
  }
  return out;
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
