import { describe, expect, it } from "vitest";
import { matchTerm, weighTerms } from "../../src/rank/match-terms.js";
import { DEFAULT_PROFILE } from "../../src/rank/profile.js";
import { askedItem, respectiveList } from "../../src/rank/respective-list.js";
import { parseFigures } from "../../src/text/figures.js";
import { normalizeQuery } from "../../src/text/script.js";
import { dfOf } from "./df-of.js";

const T = DEFAULT_PROFILE.terms;
const POLICE = "积极预防、依法打击各类违法犯罪活动，刑事治安、涉诈、涉毒警情分别下降17.7%、17.4%、68%。";
const ROBOTS =
  "培育壮大新兴产业，战略性新兴产业、高新技术产业增加值分别增长10%、7.9%，新能源汽车、集成电路、工业机器人产量分别增长49.8%、11.9%、36.4%。";
const INVEST = "力争全年交通、水利、能源领域投资额分别达2400亿元、450亿元、1700亿元。";
const INCOME = "城镇和农村居民人均可支配收入分别增长4.3%、5.5%，十方面民生实事圆满完成。";

/** The list the figure written `text` stands in, and the item the question's words pick. */
function read(sentence: string, text: string, words: string[]) {
  const norm = normalizeQuery(sentence);
  const figures = parseFigures(norm);
  const f = figures.find((g) => g.text === text);
  if (!f) throw new Error(`no figure ${text}`);
  const list = respectiveList(norm, figures, f);
  const terms = weighTerms(words, dfOf(new Map(words.map((w) => [w, 1]))), 100, new Map(), T);
  const hits = terms.map((t) => matchTerm(t, norm, "", T));
  return {
    items: list?.items ?? null,
    index: list?.index ?? null,
    asked: list ? askedItem(list, hits) : null,
  };
}

describe("respectiveList and askedItem: 分别 pairs a list of things with a list of figures", () => {
  it.each<[string, string, string[], string[] | null, number | null, number | null]>([
    // The item before the last that holds a word, not the last item, which carries the shared noun (警情).
    [POLICE, "17.4%", ["涉", "诈", "警情"], ["刑事治安", "涉诈", "涉毒警情"], 1, 1],
    [ROBOTS, "36.4%", ["工业", "机器人", "产量"], ["新能源汽车", "集成电路", "工业机器人产量"], 2, 2],
    // A piece of a word picks its item (水利 of 水利投资).
    [INVEST, "450亿元", ["水利投资"], ["力争全年交通", "水利", "能源领域投资额"], 1, 1],
    // A piece of a word that stands in one item only (农村 of 农村居民收入; 居民 is in both).
    [
      "进出口下降5.4%，城镇居民、农村居民人均可支配收入分别增长4.5%、5.7%。",
      "5.7%",
      ["农村居民收入"],
      ["城镇居民", "农村居民人均可支配收入"],
      1,
      1,
    ],
    // A shared noun of two words (授予单位) is no one item's.
    [
      "博士、硕士授予单位分别达到13个、18个，授权点分别达到141个、497个。",
      "13个",
      ["博士学位", "授予", "单位"],
      ["博士", "硕士授予单位"],
      0,
      0,
    ],
    // A word the sentence lacks but whose piece stands in one item (硕士 of 硕士学位).
    [
      "博士、硕士授予单位分别达到13个、18个，授权点分别达到141个、497个。",
      "18个",
      ["硕士学位", "授予", "单位"],
      ["博士", "硕士授予单位"],
      1,
      1,
    ],
    // A word found in the sentence only outside the list (授权点) picks no item of it.
    [
      "博士、硕士授予单位分别达到13个、18个，授权点分别达到141个、497个。",
      "13个",
      ["授权点"],
      ["博士", "硕士授予单位"],
      0,
      null,
    ],
    // A last item jieba reads as one word (an indicator): named by its first characters (农村), not 居民….
    [INCOME, "4.3%", ["城镇居民人均可支配收入"], ["城镇", "农村居民人均可支配收入"], 0, 0],
    // A list that does not hold the question's core word picks nothing (增长 ⇄ 增加 inside 增加值 is no item).
    [
      "第一、第三产业增加值分别增长3.1%、5.1%，居民人均可支配收入增长4.6%。",
      "5.1%",
      ["居民人均可支配收入", "增长"],
      ["第一", "第三产业增加值"],
      1,
      null,
    ],
    // One item contracting two (城乡 = 城镇, 农村): its members in turn, round the figures (from A、B to C、D).
    [
      "城乡居民人均可支配收入分别达6.9万元、3.4万元，增长4.2%、5.3%。",
      "3.4万元",
      ["农村居民人均可支配收入"],
      ["城镇居民人均可支配收入", "农村居民人均可支配收入"],
      1,
      1,
    ],
    [
      "城乡低保平均标准分别从2020年的645元/月、4318元/年提高到2025年的801元/月、7226元/年。",
      "7226元/年",
      ["农村", "低保"],
      ["城镇低保平均标准", "农村低保平均标准"],
      1,
      1,
    ],
    // Items joined by 和 when 、 alone gives too few.
    [INCOME, "5.5%", ["农村居民"], ["城镇", "农村居民人均可支配收入"], 1, 1],
    // The noun the list shares (the last item's last word) picks none; nor do words in no item.
    [POLICE, "68%", ["警情"], ["刑事治安", "涉诈", "涉毒警情"], 2, null],
    [
      "装备制造业、高技术制造业增加值分别增长17.7%、17.6%。",
      "17.6%",
      ["高技术", "制造业", "增加值"],
      ["装备制造业", "高技术制造业增加值"],
      1,
      1,
    ],
    [POLICE, "68%", ["违法犯罪"], ["刑事治安", "涉诈", "涉毒警情"], 2, null],
    // No 分别: no list.
    ["新增学位27.8万个，新增高校6所。", "6所", ["高校"], null, null, null],
  ])("%s / %s", (sentence, text, words, items, index, asked) => {
    expect(read(sentence, text, words)).toEqual({ items, index, asked });
  });
});
