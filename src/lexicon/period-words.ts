/**
 * Period words: whether a sentence or a question is about a goal or plan (到2027年, 力争, 目标) rather than an
 * achieved value, and which years it is about (a year after 较/比 is a comparison base, not its period).
 * Table tests: tests/lexicon/period-words.test.ts.
 */

/** A word that marks a goal or plan, and where it counts as such. */
export interface TargetWord {
  word: string;
  /** In a question: it asks for the goal ("目标是多少", "要建设多少所"). */
  question: boolean;
  /**
   * In a source sentence or its paragraph: it states a goal. 计划, 规划 and 要建设 are left out there:
   * reports name achieved plans with them ("规划建设的…已建成").
   */
  passage: boolean;
}

/** Goal and plan words. */
export const TARGET_WORDS: readonly TargetWord[] = [
  { word: "目标", question: true, passage: true },
  { word: "力争", question: true, passage: true },
  { word: "争取", question: true, passage: true },
  { word: "要达到", question: true, passage: true },
  { word: "预计", question: true, passage: true },
  { word: "将达到", question: false, passage: true },
  { word: "要建设", question: true, passage: false },
  { word: "要建成", question: true, passage: false },
  { word: "计划", question: true, passage: false },
  { word: "规划", question: true, passage: false },
  { word: "将要", question: true, passage: false },
];

/** "到2027年": a deadline, so a goal, both in questions and in sources. */
export const DEADLINE_YEAR = /到20\d\d年/;

/** A document whose title names a plan (规划, 纲要, 方案, 计划(…)): all its sentences are goals. */
export const PLAN_TITLE = /规划|纲要|计划\(|方案/;

/** Before a year, these make it a comparison base ("较2023年提高"), not the period the sentence is about. */
export const COMPARISON_BEFORE_YEAR = /(较|比|同比|相比|与|自)$/;

const alternation = (where: "question" | "passage") =>
  new RegExp([...TARGET_WORDS.filter((w) => w[where]).map((w) => w.word), DEADLINE_YEAR.source].join("|"));

/** A question that asks about a goal or plan. */
export const TARGET_QUESTION = alternation("question");

/** A source text that states a goal. */
export const TARGET_PASSAGE = alternation("passage");
