import MiniSearch from "minisearch";
import { cut, normalizeQuery } from "../../src/mod.js";
import { type BenchPassage, type Peer, toRanked } from "./peer.js";

/** MiniSearch with plain jieba tokens (`cut(s)`, HMM on) and default options otherwise. */
export function miniSearchJieba(): Peer {
  let passages: BenchPassage[] = [];
  let ms: MiniSearch<{ id: number }> | null = null;
  return {
    name: "MiniSearch + plain jieba",
    setup: "tokenize: jieba cut (HMM, project user words), default BM25 and term processing, OR query",
    build(ps) {
      passages = ps;
      ms = new MiniSearch<{ id: number }>({ fields: ["norm"], tokenize: (s) => cut(s) });
      ms.addAll(ps.map((p) => ({ id: p.id, norm: p.norm })));
    },
    search(question, k) {
      const results = ms?.search(normalizeQuery(question)) ?? [];
      return toRanked(
        passages,
        results.slice(0, k).map((r) => r.id as number),
        k,
      );
    },
  };
}
