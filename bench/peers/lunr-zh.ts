import { createRequire } from "node:module";
import type lunrType from "lunr";
import { cut, isPunctuation, normalizeQuery } from "../../src/mod.js";
import { type BenchPassage, type Peer, toRanked } from "./peer.js";

const require = createRequire(import.meta.url);

type Lunr = typeof lunrType & { zh: lunrType.Builder.Plugin & { tokenizer: (s: string) => unknown[] } };

let lunrZh: Lunr | null = null;

/** lunr with lunr-languages' zh plugin loaded (once). */
function loadLunrZh(): Lunr {
  if (lunrZh) return lunrZh;
  const lunr = require("lunr") as Lunr;
  require("lunr-languages/lunr.stemmer.support")(lunr);
  require("lunr-languages/lunr.zh")(lunr);
  lunrZh = lunr;
  return lunr;
}

/** Whether lunr.zh found a jieba binding: it looks for `@node-rs/jieba` (not nodejieba). */
export function lunrZhHasJieba(): boolean {
  try {
    require.resolve("@node-rs/jieba");
    return true;
  } catch {
    return false;
  }
}

/** jieba words of a question without punctuation, as lunr's query parser needs them (space-separated). */
function segmentedQuery(question: string): string {
  return cut(normalizeQuery(question))
    .filter((t) => t.trim() && !isPunctuation(t) && !/[:~^+\-*]/.test(t))
    .join(" ");
}

/**
 * lunr + lunr-languages zh. `ownTokenizer`: documents go through `lunr.zh`'s tokenizer (which wants
 * @node-rs/jieba and otherwise falls back to Intl.Segmenter words plus Han bigrams); else documents are
 * jieba-segmented by us and handed to lunr.zh as token arrays (its tokenizer passes arrays through; lunr's
 * default pipeline would trim every Han character away). Queries are jieba-segmented either way.
 */
export function lunrZhPeer(ownTokenizer: boolean): Peer {
  let passages: BenchPassage[] = [];
  let index: lunrType.Index | null = null;
  const fallback = lunrZhHasJieba() ? "@node-rs/jieba" : "Intl.Segmenter + bigram fallback";
  return {
    name: ownTokenizer ? "lunr + lunr.zh" : "lunr.zh, jieba pre-segmented",
    setup: ownTokenizer
      ? `this.use(lunr.zh), its tokenizer (${fallback}); queries jieba-segmented`
      : "this.use(lunr.zh) fed jieba cut token arrays; queries jieba-segmented",
    build(ps) {
      passages = ps;
      const lunr = loadLunrZh();
      index = lunr(function () {
        this.use(lunr.zh);
        this.ref("id");
        this.field("text");
        for (const p of ps) this.add({ id: String(p.id), text: ownTokenizer ? p.norm : cut(p.norm) });
      });
    },
    search(question, k) {
      const q = segmentedQuery(question);
      if (!q || !index) return [];
      const ids = index.search(q).map((r) => r.ref);
      return toRanked(passages, ids, k);
    },
  };
}
