import { create, insertMultiple, type Orama, search } from "@orama/orama";
import { createTokenizer } from "@orama/tokenizers/mandarin";
import { normalizeQuery } from "../../src/mod.js";
import { type BenchPassage, type Peer, toRanked } from "./peer.js";

const SCHEMA = { text: "string" } as const;

/** Orama 3 with the `@orama/tokenizers/mandarin` tokenizer (Intl.Segmenter words), default search options. */
export function oramaMandarin(): Peer {
  let passages: BenchPassage[] = [];
  let db: Orama<typeof SCHEMA> | null = null;
  return {
    name: "Orama 3 mandarin",
    setup: "components.tokenizer: @orama/tokenizers/mandarin, search({ term, limit }) defaults",
    async build(ps) {
      passages = ps;
      const d = create({ schema: SCHEMA, components: { tokenizer: createTokenizer() } });
      await insertMultiple(
        d,
        ps.map((p) => ({ id: String(p.id), text: p.norm })),
        1000,
      );
      db = d;
    },
    search(question, k) {
      if (!db) return [];
      const res = search(db, { term: normalizeQuery(question), limit: k });
      if (res instanceof Promise)
        throw new Error("Orama search went async; the bench times sync search only");
      return toRanked(
        passages,
        res.hits.map((h) => h.id),
        k,
      );
    },
  };
}
