import { performance } from "node:perf_hooks";
import type MiniSearch from "minisearch";

/** Shape of MiniSearch's term index (a radix tree of Maps; the "" key holds a term's postings). */
type RadixNode = Map<string, unknown>;

/** Fan-out of MiniSearch's radix tree: how wide its nodes get, and what a term lookup costs. */
export interface Fanout {
  terms: number;
  nodes: number;
  rootChildren: number;
  maxChildren: number;
  /** The edge path to the widest node ("" is the root). */
  maxAt: string;
  nodesOver100: number;
  nodesOver1000: number;
  /** Mean µs of `_index.get(term)` over a sample of indexed terms. */
  lookupUs: number;
}

/**
 * Walks MiniSearch's private `_index` (a SearchableMap, `_tree` the root Map). Every lookup scans a node's
 * keys linearly (`for (const k of tree.keys()) if (key.startsWith(k))`), so a wide node makes lookups slow.
 * Returns null when the internals are not where MiniSearch 7 keeps them.
 */
export function measureFanout<T>(ms: MiniSearch<T>): Fanout | null {
  const index = (ms as unknown as { _index?: { _tree?: RadixNode; get(k: string): unknown } })._index;
  const root = index?._tree;
  if (!index || !(root instanceof Map)) return null;
  const stats = { terms: 0, nodes: 0, maxChildren: 0, maxAt: "", over100: 0, over1000: 0 };
  const sample: string[] = [];
  const stack: Array<[RadixNode, string]> = [[root, ""]];
  while (stack.length > 0) {
    const [node, path] = stack.pop() as [RadixNode, string];
    stats.nodes++;
    let children = 0;
    for (const [k, v] of node) {
      if (k === "") {
        stats.terms++;
        if (stats.terms % 7 === 0 && sample.length < 20_000) sample.push(path);
        continue;
      }
      children++;
      stack.push([v as RadixNode, path + k]);
    }
    if (children > stats.maxChildren) {
      stats.maxChildren = children;
      stats.maxAt = path;
    }
    if (children > 100) stats.over100++;
    if (children > 1000) stats.over1000++;
  }
  let rootChildren = 0;
  for (const k of root.keys()) if (k !== "") rootChildren++;
  const t = performance.now();
  for (const term of sample) index.get(term);
  const lookupUs = sample.length ? ((performance.now() - t) * 1000) / sample.length : 0;
  return {
    terms: stats.terms,
    nodes: stats.nodes,
    rootChildren,
    maxChildren: stats.maxChildren,
    maxAt: stats.maxAt,
    nodesOver100: stats.over100,
    nodesOver1000: stats.over1000,
    lookupUs,
  };
}
