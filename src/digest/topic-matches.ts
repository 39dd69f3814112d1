import { citationOf } from "../answer/cite.js";
import type { Passage } from "../corpus/types.js";
import { analyzeQuery } from "../query/analyze-query.js";
import { rankPassages } from "../rank/rank-passages.js";
import type { SearchContext } from "../rank/search-context.js";
import type { TopicSection } from "./digest.js";

/** Passages shown per topic. */
export const PER_TOPIC = 3;

/** The topic words' ranges in the sentence as written (hit spans are offsets into the normalized text). */
function highlights(p: Passage, spans: Array<[number, number]>): Array<[number, number]> {
  const at = (i: number) => (p.map ? (p.map[i] ?? i) : i);
  const ranges = spans
    .map(([s, e]) => [at(s), at(e - 1) + 1] as [number, number])
    .sort((a, b) => a[0] - b[0]);
  // Renderers emphasise ranges left to right: overlapping ones (a word and its synonym) would be cut apart.
  return ranges.filter((r, i) => i === 0 || r[0] >= (ranges[i - 1] as [number, number])[1]);
}

/** For each topic, the best passages of the given documents that state every word of it in the sentence. */
export function topicMatches(
  ctx: SearchContext,
  docs: ReadonlySet<string>,
  topics: string[],
  max = PER_TOPIC,
): TopicSection[] {
  const sections: TopicSection[] = [];
  for (const topic of topics) {
    const { ix } = ctx;
    const q = analyzeQuery(topic, ix.gazetteer, ctx.clock());
    if (q.words.length === 0) continue;
    const seen = new Set<string>();
    const passages: TopicSection["passages"] = [];
    for (const r of rankPassages(ctx, q)) {
      if (passages.length >= max) break;
      const p = r.passage;
      if (!docs.has(p.doc) || p.paragraph === 0 || seen.has(p.text)) continue;
      if (!r.hits.every((h) => h.strength >= 1)) continue; // a word only in the paragraph is not a match
      seen.add(p.text);
      const spans = r.hits.flatMap((h) => h.spans);
      passages.push({ quote: { text: p.text, highlights: highlights(p, spans) }, source: citationOf(ix, p) });
    }
    if (passages.length) sections.push({ topic, passages });
  }
  return sections;
}
