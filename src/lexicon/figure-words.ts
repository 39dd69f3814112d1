/**
 * Figure words: the words around a figure that say what it is — the verbs that end a change from a baseline
 * (从A提高到B), the link between a bound and the exact value restating it (突破4000亿元、达到4211亿元), the
 * words that make a percentage a growth rate (增长3.9%), and what may stand before a place that is its clause's
 * subject. Table tests: tests/lexicon/figure-words.test.ts.
 */

/** Verbs of change, shared by the patterns below. */
const RISE = "提高|提升|增加|增长|增至|上升|扩大|跃升|跃居|升至";
const FALL = "下降|降低|降至|减少|缩小|回落";

/**
 * Words that say how a figure measures (its growth, a fall), not what it measures: the word right next to a
 * figure names it only when it is not one of these ("进出口下降5.4%", though 增长 stands by another figure).
 */
export const MEASURE_WORDS: ReadonlySet<string> = new Set(
  `${RISE}|${FALL}|增速|增幅|增长率|上涨|涨幅|降幅`.split("|"),
);

/** Words that end a change from a baseline, within a few characters after it: "从A提高到B", "由A增至B". */
export const CHANGE_TO = new RegExp(`^(?:[^，,；;。]{0,8}?)(${RISE}|${FALL}|达到|到|至)`);

/** Between a bound and the exact value that restates it: a mark and a linking verb alone. */
export const RESTATING = /^[、，,]?(达到|达|为|至|增至|升至|提高到|提升至)$/;

/** Words that make the percentage after them a growth rate ("增长3.9%", "增速为5%", "下降17.7%"). */
export const GROWTH_BEFORE = new RegExp(`(${RISE}|${FALL}|增速|增幅|上涨)[^，,；;。]{0,4}$`);

/** What may stand before a place that is its clause's subject ("在沙坪坝区…", "全省…", "2025年，深圳…"). */
export const PLACE_LEAD = /^(在|于|对|据|其中|全|我|今年|去年|\d{4}年)?$/;
