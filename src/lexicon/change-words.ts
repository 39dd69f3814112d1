/**
 * Change words: whether a figure counts what was added (新增高校6所, an increase) or what there is (总量达1224家,
 * a stock), and whether a question asks for a change at all. A stock asked where the corpus states only an
 * increase is told so rather than answered with the increase. Table tests: tests/lexicon/change-words.test.ts.
 */
import { wordList } from "./lexicon.js";
import { LIST_MARK } from "./punctuation.js";

/** Written before an indicator and its figure, they make the figure an increase ("新增学位27.8万个"). */
export const INCREASE_WORDS = wordList(
  "新增 净增 新建 增设 新设 新开 新招 新招聘 新引进 新认定 新培育 新获批 新入选 新开工 新投产 新登记 新增加",
  "净增加 增加",
);

/**
 * Written between an indicator and its figure, or before them, they make the figure a stock ("总量达1224家"); so
 * does the result of a change ("从80户增加到810户": 810户 is what there is now, not what was added).
 */
export const STOCK_WORDS = wordList(
  "总量 总数 总计 共有 现有 已有 拥有 拥有量 保有量 存量 总规模",
  "增加到 增加至 增至 增长到 增长至 提高到 提高至 提升到 提升至 上升到 上升至 扩大到 扩大至",
);

/** Indicator names that hold an increase word and are no increase: 增加值 is value added, not what was added. */
export const NAME_WORDS = wordList("增加值");

/**
 * Written before a figure listed after another (、), they make it a level, a comparison or an effect of its own
 * rather than one more item of the list ("通用机场增加11个、达到25个", "新增发电装机4178万千瓦、总装机达9157万千瓦",
 * "新增返乡创业市场经营主体13.9万户、带动就地就业36.8万人"): such a figure does not take the change word before
 * the list. One character may do (达, 占, 居): a word it hides in (发达, 居民) only keeps a figure from the list.
 */
export const OWN_CLAIM_WORDS = wordList(
  "达 达到 突破 超过 高于 低于 稳定在 保持 占 居 位居 带动 释放 拉动 吸纳 实现 提供",
);

/**
 * Besides the increase words, words of a question that asks about a change rather than a level: growth,
 * decline, and what was built or hired over a period ("去年盖了多少所学校", "招了多少老师").
 */
export const CHANGE_QUESTION_WORDS = wordList(
  "增长 增幅 增速 增量 提高 提升 上升 下降 减少 降低 多了 少了 涨 降 建了 盖了 招了 建成 累计 年均",
);

/** What a figure counts: an increase, a stock, or — with neither written — not said. */
export type FigureChange = "increase" | "stock" | null;

/**
 * What the words before a figure make of it: the last change or stock word among them decides ("新增…45家" an
 * increase, "新增…45家、总量达1224家" a stock for 1224家 when the text is cut at the figure before it).
 */
export function changeOf(before: string): FigureChange {
  let last: FigureChange = null;
  for (let i = 0; i < before.length; i++) {
    const name = NAME_WORDS.at(before, i);
    if (name) {
      i += name[0].length - 1;
      continue;
    }
    const stock = STOCK_WORDS.at(before, i);
    const word = stock ?? INCREASE_WORDS.at(before, i);
    if (!word) continue;
    last = stock ? "stock" : "increase";
    i += word[0].length - 1;
  }
  return last;
}

/**
 * Whether the words between two figures of a clause join the second to the first's list, so that the second
 * counts what the first does ("新增7名院士、9个全国重点实验室": 9个 were added too): the list mark joins them, and
 * no change, growth or claim of its own (总量, 增长, 达到, 带动…) stands between.
 */
export function joinsList(between: string): boolean {
  if (!between.includes(LIST_MARK) || changeOf(between)) return false;
  for (let i = 0; i < between.length; i++)
    if (CHANGE_QUESTION_WORDS.at(between, i) || OWN_CLAIM_WORDS.at(between, i)) return false;
  return true;
}

/** Whether a question asks about a change (an increase, growth, what was built) rather than a level. */
export function asksChange(question: string): boolean {
  for (let i = 0; i < question.length; i++) {
    const name = NAME_WORDS.at(question, i);
    if (name) i += name[0].length - 1;
    else if (INCREASE_WORDS.at(question, i) || CHANGE_QUESTION_WORDS.at(question, i)) return true;
  }
  return false;
}
