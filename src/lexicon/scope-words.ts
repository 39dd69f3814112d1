/**
 * Scope words: which place or unit a sentence or a question is about — the whole country (全国), the whole
 * city or province (全市, 我市, 全省), one school or district (该校, 该区) — and where a rank was counted
 * (全国第6, 西部第一). Place names themselves are in places.txt. Table tests: tests/lexicon/scope-words.test.ts.
 */
import { wordList } from "./lexicon.js";

/** Words that say a sentence or question covers the whole of its place, not a part of it. */
export const WHOLE_SCOPE_WORDS = ["全国", "全市", "我市", "本市", "全省"] as const;

/** A question about the whole country: only sentences saying 全国 answer ("全国第6" is a rank, not a scope). */
export const NATIONAL = /全国(?!第|排|前|平均|领先|首)/;

/** A question about the city as a whole: district figures do not answer it. */
export const CITYWIDE = /全市|我市|本市/;

/** A sentence about one school, district or company ("该校…13个学科"), not the city as a whole. */
export const ONE_UNIT = /该(校|区|县|镇|乡|院|所|公司|企业|集团|园区)|本校|我校/;

/** Administrative suffixes a place name may carry in text ("沙坪坝区", "重庆市"). */
export const PLACE_SUFFIXES = ["新区", "省", "市", "区", "县"] as const;

/** Where a ranking was counted, written just before 第 or before a linking verb. */
export const RANK_SCOPES = wordList(
  "全国 全市 全省 全区 全县 全球 世界 亚洲 国内 省内 市内 中西部 西部 东部 中部 西南 西北 东北 华南 华东",
  "华北 长江经济带 成渝地区 同类城市 副省级城市 直辖市 主城都市区",
);

/** Verbs allowed between a rank scope and 第 (全国排名第六, 位居西部第一). */
export const RANK_LINKS = wordList("排名 位居 位列 名列 排在 位于 居 列 排");
