/**
 * Period words: which period a sentence, a clause or a question is about, and in what role — an achieved
 * result (2025年, 去年, 一年来), a target for the year (今年预期, 主要预期目标), a five-year total (十四五时期,
 * 五年来), a long-range goal (十五五, 到2030年, 2035年), or a plan (将新建, 计划). Relative years (今年, 去年,
 * 前年) are resolved against a date: the document's for its own text, the clock's for a question.
 * Table tests: tests/lexicon/period-words.test.ts.
 */

/** What a figure is, in time: done, due this year, summed over a plan period, aimed at for later, or planned. */
export type PeriodRole = "achieved" | "target" | "five-year" | "long-range" | "plan";

/** Roles that state what is hoped for rather than what happened. */
export const FORWARD_ROLES: ReadonlySet<PeriodRole> = new Set(["target", "long-range", "plan"]);

/** The five-year plans by name, with their first year (十四五 = 2021–2025). */
export const FIVE_YEAR_PLANS: ReadonlyMap<string, number> = new Map([
  ["十一五", 2006],
  ["十二五", 2011],
  ["十三五", 2016],
  ["十四五", 2021],
  ["十五五", 2026],
  ["十六五", 2031],
]);

/**
 * Words that make the figure right after them a total or an average over a span of years ("年均增长5.9%",
 * "累计完成3.7万亿元"): no single year's value.
 */
export const SPAN_FIGURE_BEFORE = /(年均|年平均|累计|总计|共计|合计)[^，,；;。、]{0,8}$/;

/** Words for a year relative to a date, with the offset: 去年 is the year before. */
export const RELATIVE_YEARS: ReadonlyMap<string, number> = new Map([
  ["今年", 0],
  ["本年", 0],
  ["本年度", 0],
  ["去年", -1],
  ["上一年", -1],
  ["前年", -2],
  ["明年", 1],
]);

/** A word that sets a role, where it counts: in source text, in questions, or both. */
export interface PeriodCue {
  role: PeriodRole;
  pattern: RegExp;
  /** Counts in a document's sentences and headings. */
  text: boolean;
  /** Counts in a question or claim. */
  question: boolean;
}

/**
 * The cues, strongest first: where a clause holds several, the first listed decides. Plan cues need an
 * action after 将/计划 ("将新建", "计划投资"): a bare 将 also introduces objects ("将…纳入").
 */
export const PERIOD_CUES: readonly PeriodCue[] = [
  // "胜利完成“十四五”主要目标任务": a plan period's goals met, its five years reviewed.
  {
    role: "five-year",
    pattern:
      /(顺利|全面|胜利|圆满)完成[“"‘]?十[一二三四]五|十[一二三四]五[”"’]?(规划)?主要目标(任务)?[^，,；;。]{0,6}(顺利|全面|胜利|圆满)完成/,
    text: true,
    question: false,
  },
  // "全年主要目标任务顺利完成", "胜利完成年度目标任务": targets met, a result (listed first: it starts
  // where 主要目标 does). A bare 完成 is still to do ("完成国家下达目标任务" is a target).
  {
    role: "achieved",
    pattern:
      /(主要|预期)?目标(任务)?[^，,；;。]{0,8}(顺利|全面|胜利|圆满)完成|(主要|预期)?目标任务的完成|(顺利|全面|胜利|圆满)完成[^，,；;。]{0,12}目标/,
    text: true,
    question: false,
  },
  // "力争“十五五”时期…": the goal word says it is aimed at, the plan period right after it says for when.
  {
    role: "long-range",
    pattern: /(力争|确保|争取)[“"‘]?(十五五|今后五年|未来五年)/,
    text: true,
    question: true,
  },
  { role: "long-range", pattern: /十五五|今后五年|未来五年|2035年|远景目标/, text: true, question: true },
  {
    role: "five-year",
    pattern: /十四五(时期|期间|以来|累计)|五年来|过去五年|过去的五年|这五年/,
    text: true,
    question: true,
  },
  { role: "five-year", pattern: /十[一二三四]五/, text: false, question: true },
  {
    role: "target",
    pattern: /预期目标|主要目标|目标[是为]|预期(?:增长|达到|为|是)|力争|确保/,
    text: true,
    question: false,
  },
  {
    role: "target",
    pattern: /目标|预期|预计|打算|计划|规划|力争|争取|要达到|要建设|要建成|将要/,
    text: false,
    question: true,
  },
  {
    role: "plan",
    pattern:
      /(将|计划|拟|准备|打算)(要|再|继续|全面|加快|力争)?(新建|改扩建|建设|建成|新增|投入|投资|实施|推进|开展|完成|达到|启动|改造|提高|实现|打造|培育|引进|安排|举办|筹建)/,
    text: true,
    question: false,
  },
  {
    role: "achieved",
    pattern: /去年|过去一年|刚刚过去的|一年来|初步统计|初步核算|已经|同比|比上年|较上年|实现了|完成了|达到了/,
    text: true,
    question: false,
  },
  { role: "achieved", pattern: /去年|前年|实际|完成|实现了|已经|已/, text: false, question: true },
];

/**
 * "到2030年" / "2030年前" as a deadline: at a clause's start or after a goal word. "从2020年提升到2025年" and
 * "2020年到2025年" are spans, not deadlines.
 */
export const DEADLINE_YEAR =
  /(?:^|[，,；;：:。]|力争|争取|预计|确保|计划|目标[是为]?)到(20\d\d)年|(20\d\d)年前(?!后)/;

/** A document whose title names a plan (规划, 纲要, 方案, 计划(…)): all its sentences are goals. */
export const PLAN_TITLE = /规划|纲要|计划\(|方案/;

/** Before a year, these make it a comparison base ("较2023年提高"), not the period the sentence is about. */
export const COMPARISON_BEFORE_YEAR = /(较|比|同比|相比|与|自)$/;

/** The words that open a change from a baseline ("由A增至B", "从A提高到B"). */
export const CHANGE_FROM: readonly string[] = ["由", "从"];

/** Before a year, these make it the start of a change ("由2020年的7.2%提升至7.4%"): not the period spoken of. */
export const BASELINE_BEFORE_YEAR = new RegExp(`(${CHANGE_FROM.join("|")})$`);

/** Words of a section heading that say what the section reviews: a result of the past. */
export const REVIEW_HEADING = /回顾|主要工作|发展成就|工作成就|取得的成绩|工作总结|成效/;

/** Words of a section heading that say the section plans the year ahead. */
export const PLAN_HEADING =
  /工作安排|重点工作|工作任务|目标任务|主要目标|预期目标|总体要求|工作部署|工作思路|主要任务/;

/**
 * Cues that set the scene for the rest of their section, not only their own sentence: "过去的五年极不寻常。"
 * opens a five-year review, "今年主要预期目标是：" a list of targets, "一年来，…" a year's results.
 */
export const CARRYING_CUE =
  /十五五时期|今后五年|未来五年|五年来|过去五年|过去的五年|这五年|十四五(时期|期间|以来)|预期目标|主要目标|一年来|过去一年|刚刚过去的/;

/** Whether a sentence sets the period for the rest of its section. */
export function carries(text: string): boolean {
  return CARRYING_CUE.test(text);
}

/**
 * The role the cue standing first in `text` sets ("一年来，…争取…" is a year's results: the time phrase that
 * opens a clause frames it); between cues at the same place, the one listed first.
 */
export function cueRole(text: string, where: "text" | "question"): PeriodRole | null {
  let best: { at: number; role: PeriodRole } | null = null;
  for (const cue of PERIOD_CUES) {
    if (!cue[where]) continue;
    const at = text.search(cue.pattern);
    if (at >= 0 && (!best || at < best.at)) best = { at, role: cue.role };
  }
  return best?.role ?? null;
}

/** A question or claim that asks about a goal or plan (目标, 要达到, 力争, 到2027年) rather than a result. */
export const TARGET_QUESTION = new RegExp(
  [
    ...PERIOD_CUES.filter((c) => c.question && c.role === "target").map((c) => c.pattern.source),
    "到20\\d\\d年",
  ].join("|"),
);

/** Source text that states a goal (the passage-level test the engine used before period roles). */
export const TARGET_PASSAGE = /到20\d\d年|力争|争取|目标|预计|将达到|要达到/;

/**
 * Words of a question that say when, not what: left out of the indicator words once the question's period
 * has been read ("广东去年GDP" looks for GDP in 2025, not for the word 去年).
 */
export const QUESTION_PERIOD_WORDS: ReadonlySet<string> = new Set([
  ...RELATIVE_YEARS.keys(),
  ...FIVE_YEAR_PLANS.keys(),
  "目标",
  "预期",
  "预期目标",
  "主要目标",
  "目标值",
  "打算",
  "实际",
  "时期",
  "期间",
  "现在",
  "目前",
  "当前",
  "累计",
]);
