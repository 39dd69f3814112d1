import type { PassageView } from "../rank/search-context.js";
import type { PassageIndex, SearchHit, StoredPassage } from "./passage-index.js";

/** What one call has fetched from a remote passage index so far. Never shared between calls. */
export interface PassageCache {
  /** The passage count, once fetched. */
  count: number | null;
  df: Map<string, number>;
  /** Search results by `limit` and tokens. */
  searches: Map<string, SearchHit[]>;
  /** Passages by id; null for an id the index does not have (a document removed meanwhile). */
  stored: Map<number, StoredPassage | null>;
}

/** What a run asked for and the cache lacked (each answered "nothing" in that run). */
export interface Missing {
  count: boolean;
  tokens: Set<string>;
  searches: Map<string, { tokens: string[]; limit: number }>;
  ids: Set<number>;
}

/** An empty cache, for one call. */
export function emptyCache(): PassageCache {
  return { count: null, df: new Map(), searches: new Map(), stored: new Map() };
}

/** Nothing missing yet, for one run. */
export function nothingMissing(): Missing {
  return { count: false, tokens: new Set(), searches: new Map(), ids: new Set() };
}

/** Whether a run found everything it read in the cache. */
export function missedNothing(m: Missing): boolean {
  return !m.count && m.tokens.size === 0 && m.searches.size === 0 && m.ids.size === 0;
}

const searchKey = (tokens: string[], limit: number) => `${limit}\u0001${tokens.join("\u0001")}`;

/** The passages as one run sees them: what the cache holds, and a record of what it lacks. */
export function recordingView(cache: PassageCache, missing: Missing): PassageView {
  const stored = (id: number) => {
    const s = cache.stored.get(id);
    if (s === undefined) missing.ids.add(id);
    return s ?? undefined;
  };
  return {
    df: (token) => {
      const n = cache.df.get(token);
      if (n === undefined) missing.tokens.add(token);
      return n ?? 0;
    },
    passageCount: () => {
      if (cache.count === null) missing.count = true;
      return cache.count ?? 0;
    },
    search: (tokens, limit) => {
      const key = searchKey(tokens, limit);
      const hits = cache.searches.get(key);
      if (!hits) missing.searches.set(key, { tokens, limit });
      return hits ?? [];
    },
    passage: (id) => stored(id)?.passage,
    facts: (id) => stored(id)?.facts,
  };
}

/**
 * Fetches everything a run missed, at once: the term frequencies (and the passage count), then the searches,
 * then one load of the passages asked for and of every hit not loaded yet (ranking reads each candidate).
 */
export async function fetchMissing(
  index: PassageIndex,
  cache: PassageCache,
  missing: Missing,
): Promise<void> {
  if (missing.tokens.size > 0 || missing.count) {
    const tokens = [...missing.tokens];
    const freq = await index.frequencies(tokens);
    // The count of the call's first fetch stays: term weights within one call use one N.
    if (cache.count === null) cache.count = freq.passages;
    for (const t of tokens) cache.df.set(t, freq.df.get(t) ?? 0);
  }
  const searches = [...missing.searches];
  const found = await Promise.all(searches.map(([, s]) => index.search(s.tokens, s.limit)));
  const ids = new Set(missing.ids);
  searches.forEach(([key], i) => {
    const hits = found[i] ?? [];
    cache.searches.set(key, hits);
    for (const h of hits) if (!cache.stored.has(h.id)) ids.add(h.id);
  });
  if (ids.size === 0) return;
  const wanted = [...ids];
  for (const id of wanted) cache.stored.set(id, null);
  for (const s of await index.load(wanted)) cache.stored.set(s.passage.id, s);
}
