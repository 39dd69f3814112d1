import { tagWords } from "../text/segment.js";

const ADMIN_SUFFIX = /(特别行政区|自治区|自治州|自治县|新区|省|市|区|县|镇|乡|街道)$/;
/** Words jieba tags as places that are not places in this domain, or that name the whole city itself. */
const NOT_PLACES = new Set(["全市", "我市", "本市", "全国", "全省", "全区", "全县", "市区", "城区", "城乡", "乡村", "农村", "山区", "库区", "主城", "西部", "中西部", "东部", "国家", "中国", "全球", "世界"]);

/** Place names in a text (jieba "ns" words), as written, without duplicates. */
export function findPlaces(text: string): string[] {
  const out = new Set<string>();
  for (const { word, tag } of tagWords(text)) {
    if (tag === "ns" && word.length >= 2 && !NOT_PLACES.has(word)) out.add(word);
  }
  return [...out];
}

/** A place name without its administrative suffix, for matching ("沙坪坝区" -> "沙坪坝"; "重庆市" -> "重庆"). */
export function placeBase(place: string): string {
  const base = place.replace(ADMIN_SUFFIX, "");
  return base.length >= 2 ? base : place;
}

/** The place a document is mostly about: its most frequent place name (so "我市" in a Chongqing paper is 重庆). */
export function homePlace(placeCounts: Map<string, number>): string | null {
  let best: string | null = null;
  let n = 0;
  for (const [p, c] of placeCounts) {
    if (c > n) {
      best = p;
      n = c;
    }
  }
  return best;
}
