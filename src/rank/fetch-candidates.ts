import { searchTokens } from "../index/tokens.js";
import type { QueryAnalysis } from "../query/analyze-query.js";
import { type WeightedTerm, weighTerms } from "./match-terms.js";
import type { SearchContext } from "./search-context.js";

/** What the passage search found for a question's words: the same for every re-ranking of those words. */
export interface Candidates {
  terms: WeightedTerm[];
  /** The tokens the search used (rarest first). */
  tokens: string[];
  results: Array<{ id: number; score: number }>;
}

/** Search candidates (best first, ties by id) for the question's words (its places, years and kind do not change them). */
export function fetchCandidates(ctx: SearchContext, q: QueryAnalysis): Candidates {
  const { passages, profile } = ctx;
  const terms = weighTerms(q.words, passages.df, passages.passageCount(), ctx.synonyms, profile.terms);
  const tokens = retrievalTokens(
    ctx,
    terms.map((t) => t.word),
    // A word the corpus never writes whole ("GDP增长") also fetches by its pieces (地区生产总值…增长); one it
    // does write fetches enough as written, and its pieces (智慧, 平台) would fetch noise.
    terms.flatMap((t) => [
      ...t.alternatives,
      ...(passages.df(t.word) > 0 ? [] : t.splits.flat().map((part) => commonestForm(ctx, part.forms))),
    ]),
  );
  if (tokens.length === 0) return { terms, tokens, results: [] };
  return { terms, tokens, results: passages.search(tokens, profile.retrieval.candidates) };
}

/** The spelling of a word's piece the corpus uses most ("地区生产总值" for the GDP of "GDP增长"). */
function commonestForm(ctx: SearchContext, forms: string[]): string {
  let best = forms[0] ?? "";
  for (const f of forms) if (ctx.passages.df(f) > ctx.passages.df(best)) best = f;
  return best;
}

/** Fetches candidates once per set of words: a fact check ranks the same words more than once. */
export function candidateMemo(ctx: SearchContext): (q: QueryAnalysis) => Candidates {
  const memo = new Map<string, Candidates>();
  return (q) => {
    const key = q.words.join("\u0001");
    let found = memo.get(key);
    if (!found) {
      found = fetchCandidates(ctx, q);
      memo.set(key, found);
    }
    return found;
  };
}

/**
 * The tokens that fetch candidates: each word as indexed (or, for a word the index lacks, its search-mode
 * parts), rarest first, within a budget of postings. A token in a fifth of all passages fetches thousands of
 * candidates and ranks none of them; it still counts in the re-ranking. The rarest of the question's own
 * tokens is always kept: a rare synonym alone would fetch only passages that use the synonym.
 */
function retrievalTokens(ctx: SearchContext, words: string[], alternatives: string[]): string[] {
  const { postingsBudget, commonShare, commonMin } = ctx.profile.retrieval;
  const df = (t: string) => ctx.passages.df(t);
  const indexed = (ws: string[]) =>
    ws.flatMap((w) => (df(w) > 0 ? [w] : searchTokens(w).filter((t) => df(t) > 0)));
  const byRarity = (ts: string[]) => [...new Set(ts)].sort((a, b) => df(a) - df(b));
  const own = byRarity(indexed(words))[0];
  const common = Math.max(commonMin, ctx.passages.passageCount() * commonShare);
  const out: string[] = own ? [own] : [];
  let postings = own ? df(own) : 0;
  for (const t of byRarity([...indexed(words), ...indexed(alternatives)])) {
    if (t === own) continue;
    if (out.length > 0 && (df(t) > common || postings + df(t) > postingsBudget)) break;
    out.push(t);
    postings += df(t);
  }
  return out;
}
