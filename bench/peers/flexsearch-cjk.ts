import { Charset, Index } from "flexsearch";
import { normalizeQuery } from "../../src/mod.js";
import { type BenchPassage, type Peer, toRanked } from "./peer.js";

/** FlexSearch 0.8 `Index` with the `Charset.CJK` encoder (one token per Han character), `suggest: true`. */
export function flexSearchCjk(): Peer {
  let passages: BenchPassage[] = [];
  let index: Index | null = null;
  return {
    name: "FlexSearch 0.8 CJK",
    setup: "new Index({ encoder: Charset.CJK }), search(q, { limit, suggest: true })",
    build(ps) {
      passages = ps;
      const ix = new Index({ encoder: Charset.CJK });
      for (const p of ps) ix.add(p.id, p.norm);
      index = ix;
    },
    search(question, k) {
      const ids = (index?.search(normalizeQuery(question), { limit: k, suggest: true }) ?? []) as number[];
      return toRanked(passages, ids, k);
    },
  };
}
