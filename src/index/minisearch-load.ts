import MiniSearch, { type AsPlainObject } from "minisearch";
import { MINISEARCH_OPTIONS } from "./corpus-index.js";

/** One term's postings per field: field id, document short ids as gaps from the previous one, term counts. */
export type TermPostings = [term: string, fields: Array<[fieldId: number, gaps: number[], counts: number[]]>];

/** MiniSearch's own plain form without its term index, plus the term index as compact postings. */
export interface StoredMiniSearch {
  plain: Omit<AsPlainObject, "index">;
  /** Read back as an array; produced term by term while a snapshot is written. */
  postings: Iterable<TermPostings>;
}

/**
 * MiniSearch as stored in a snapshot: its plain form with the term index as arrays of numbers instead of
 * objects keyed by document id. MiniSearch's own `loadJS` turns every one of those keys from a string back
 * into a number (`Object.keys` + `parseInt`, 6.5 million of them on the 10,000-document synthetic corpus:
 * 2.3 s of a 7.7 s start); arrays of numbers need neither. The postings are produced one term at a time
 * from the term tree, so that writing a snapshot never holds a second copy of the whole index.
 */
export function storeMiniSearch(ms: MiniSearch<{ id: number }>): StoredMiniSearch {
  const tree = termTreeOf(ms);
  if (!tree) {
    const { index, ...plain } = ms.toJSON();
    return { plain, postings: index.map(([term, fields]) => [term, fieldsFromPlain(fields)]) };
  }
  // toJSON on a view of the instance whose term tree is empty: every other field, as MiniSearch writes it.
  const view = Object.assign(Object.create(Object.getPrototypeOf(ms) as object) as object, ms, {
    _index: new Map(),
  }) as MiniSearch<{ id: number }>;
  const { index: _none, ...plain } = view.toJSON();
  return { plain, postings: postingsOf(tree) };
}

function* postingsOf(tree: TermTree): Generator<TermPostings> {
  for (const [term, data] of tree)
    yield [term, [...data].map(([fieldId, docs]): TermPostings[1][number] => [fieldId, ...encodeGaps(docs)])];
}

function fieldsFromPlain(fields: AsPlainObject["index"][number][1]): TermPostings[1] {
  return Object.entries(fields).map(([fieldId, entry]) => [
    Number(fieldId),
    ...encodeGaps(Object.entries(entry).map(([id, count]): [number, number] => [Number(id), count])),
  ]);
}

/** Document ids as gaps from the previous one, and their counts. */
function encodeGaps(docs: Iterable<[number, number]>): [gaps: number[], counts: number[]] {
  const gaps: number[] = [];
  const counts: number[] = [];
  let last = 0;
  for (const [id, count] of docs) {
    // Gaps may be negative: a document re-indexed after a change gets a later id in the middle.
    gaps.push(id - last);
    counts.push(count);
    last = id;
  }
  return [gaps, counts];
}

/** Calls `put` with each document id (undoing the gaps) and its count. */
function decodeGaps(gaps: number[], counts: number[], put: (id: number, count: number) => void): void {
  let id = 0;
  for (let i = 0; i < gaps.length; i++) {
    id += gaps[i] as number;
    put(id, counts[i] as number);
  }
}

/** The term tree MiniSearch keeps in its private `_index` (a SearchableMap), as far as loading needs it. */
interface TermTree extends Iterable<[string, Map<number, Map<number, number>>]> {
  set(term: string, data: Map<number, Map<number, number>>): unknown;
  get(term: string): unknown;
  size: number;
}

/** Whether this MiniSearch keeps its terms where the fast store and load expect them (else they fall back). */
export function hasTermTree(ms: MiniSearch<{ id: number }>): boolean {
  return termTreeOf(ms) !== null;
}

function termTreeOf(ms: MiniSearch<{ id: number }>): TermTree | null {
  const tree = (ms as unknown as { _index?: Partial<TermTree> })._index;
  const usable =
    tree &&
    typeof tree.set === "function" &&
    typeof tree.get === "function" &&
    typeof tree[Symbol.iterator] === "function" &&
    typeof tree.size === "number";
  return usable ? (tree as TermTree) : null;
}

/**
 * Loads a stored MiniSearch. Documents, field lengths and options go through the public `loadJS`; the postings
 * are put straight into its term tree — the same Maps `loadJS` would build, without the string keys. Should a
 * later MiniSearch keep its tree elsewhere, the postings go through `loadJS` too (slower, same result).
 */
export function loadMiniSearch(stored: StoredMiniSearch): MiniSearch<{ id: number }> {
  const ms = MiniSearch.loadJS<{ id: number }>({ ...stored.plain, index: [] }, MINISEARCH_OPTIONS);
  const tree = termTreeOf(ms);
  // A fresh instance's tree is empty; anything else means MiniSearch keeps its terms some other way now.
  if (tree?.size !== 0) return loadThroughPublicApi(stored);
  for (const [term, fields] of stored.postings) {
    const data = new Map<number, Map<number, number>>();
    for (const [fieldId, gaps, counts] of fields) {
      const docs = new Map<number, number>();
      decodeGaps(gaps, counts, (id, count) => docs.set(id, count));
      data.set(fieldId, docs);
    }
    tree.set(term, data);
  }
  return ms;
}

/** The same index through `loadJS` alone (the postings turned back into MiniSearch's plain objects). */
export function loadThroughPublicApi(stored: StoredMiniSearch): MiniSearch<{ id: number }> {
  const index: AsPlainObject["index"] = [...stored.postings].map(([term, fields]) => {
    const entry: Record<string, Record<string, number>> = {};
    for (const [fieldId, gaps, counts] of fields) {
      const docs: Record<string, number> = {};
      decodeGaps(gaps, counts, (id, count) => {
        docs[id] = count;
      });
      entry[fieldId] = docs;
    }
    return [term, entry];
  });
  return MiniSearch.loadJS<{ id: number }>({ ...stored.plain, index }, MINISEARCH_OPTIONS);
}
