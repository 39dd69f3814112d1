import { RANK_LINKS, RANK_SCOPES } from "../lexicon/scope-words.js";
import type { Figure } from "./figure.js";
import { type FigureMatch, readWholeNumber } from "./figure-numbers.js";
import { isIdeograph } from "./figure-words.js";

/**
 * Matches a rank at a 第: "全国第6", "全国排名第六", "居全市第五", "第6名". An ordinal followed by a noun
 * or classifier (第四批, 第二次, 第一方阵, 第1眼) is no rank and yields no figure, only a skip past it.
 */
export function matchRank(text: string, pos: number, floor: number): FigureMatch | undefined {
  if (text[pos] !== "第") return undefined;
  const rank = readWholeNumber(text, pos + 1);
  if (!rank || rank.value < 1) return undefined;
  const counted = text[rank.end] === "名" || text[rank.end] === "位";
  const end = counted ? rank.end + 1 : rank.end;
  const follower = text[end];
  // "第12位跃升至…": a rank counted in 位 or 名 is whole whatever follows it.
  const standsAlone = counted || !isIdeograph(follower) || follower === "的";
  const link = RANK_LINKS.before(text, pos, floor)?.[0];
  const scopeEnd = pos - (link?.length ?? 0);
  const scope = RANK_SCOPES.before(text, scopeEnd, floor)?.[0];
  // Without a scope, a linking verb or 名, "第一" is usually an enumeration (第一,…) or a slogan (健康第一).
  if (!standsAlone || !(scope || link || counted)) return { next: rank.end };
  const start = scope ? scopeEnd - scope.length : pos;
  const figure: Figure = {
    text: text.slice(start, end),
    start,
    end,
    value: rank.value,
    unit: "名",
    kind: "rank",
    bound: "exact",
    step: 1,
  };
  if (scope) figure.scope = scope;
  if (rank.chinese) figure.chinese = true;
  return { figure, next: end };
}

/**
 * "居全国首位", "稳居全国首位", "全国首位": first place written as 首位 — a rank of 1 when a scope or a linking verb
 * stands before it ("首位" alone is a word: 摆在首位).
 */
export function matchFirstPlace(text: string, pos: number, floor: number): FigureMatch | undefined {
  if (!text.startsWith("首位", pos)) return undefined;
  const link = RANK_LINKS.before(text, pos, floor)?.[0];
  const scopeEnd = pos - (link?.length ?? 0);
  const scope = RANK_SCOPES.before(text, scopeEnd, floor)?.[0];
  if (!scope) return { next: pos + 2 };
  const start = scopeEnd - scope.length;
  const end = pos + 2;
  const figure: Figure = {
    text: text.slice(start, end),
    start,
    end,
    value: 1,
    unit: "名",
    kind: "rank",
    bound: "exact",
    step: 1,
    scope,
    chinese: true,
  };
  return { figure, next: end };
}
