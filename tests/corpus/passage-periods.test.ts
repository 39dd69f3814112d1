import { beforeAll, describe, expect, it } from "vitest";
import { createEngine, type Engine } from "../../src/engine.js";
import type { PeriodFacts } from "../../src/index/periods.js";
import type { PeriodRole } from "../../src/lexicon/period-words.js";
import { embeddedIndex } from "../engine/embedded-index.js";

// The period of sample passages of the 12 real 2026 provincial reports, each expectation read off the report
// itself: the section a sentence stands in, its paragraph's lead-in (过去一年, 五年来, 主要预期目标是),
// and words like 年均, 累计, 力争, 到2030年. A passage is found by a fragment of its text unique in its report.

let engine: Engine;
beforeAll(async () => {
  engine = await createEngine({ corpusDir: "tests/fixtures/gov-reports-2026" });
});

const span = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_v, i) => from + i);
/** 十四五: the plan period the 2026 reports review. */
const PLAN_14 = span(2021, 2025);
/** 十五五: the plan period whose goals the 2026 reports set. */
const PLAN_15 = span(2026, 2030);

/** Expected years: a list is the exact years; a single year is one the passage's years must include. */
type Years = number | number[];
/**
 * A report, a fragment of one passage, the role and years it has. A fifth item marks a known misreading: what
 * the engine says instead (role [years]) until the mechanism is fixed.
 */
type Row = [file: string, fragment: string, role: PeriodRole, years: Years, engineSays?: string];

/** The period facts of the one passage of `file` whose text contains `fragment`. */
function periodOf(file: string, fragment: string): PeriodFacts {
  const ix = embeddedIndex(engine);
  const ids = (ix.docPassages.get(file) ?? []).filter((id) => ix.passages[id]?.text.includes(fragment));
  if (ids.length !== 1) {
    const texts = ids.map((id) => `\n  ${ix.passages[id]?.text}`).join("");
    throw new Error(`${file}: 「${fragment}」 matches ${ids.length} passages, not one${texts}`);
  }
  return ix.facts[ids[0] as number]?.period as PeriodFacts;
}

/** Whether a period reads as expected: the role, and the years exactly or including the one given. */
/** A period as the rows write the engine's reading: "long-range [2026–2030, 2035]". */
function describePeriod(period: PeriodFacts): string {
  const runs: string[] = [];
  const ys = [...period.years].sort((a, b) => a - b);
  for (let i = 0; i < ys.length; ) {
    let j = i;
    while (j + 1 < ys.length && ys[j + 1] === (ys[j] as number) + 1) j++;
    runs.push(j - i >= 2 ? `${ys[i]}–${ys[j]}` : ys.slice(i, j + 1).join(", "));
    i = j + 1;
  }
  return `${period.role} [${runs.join(", ")}]`;
}

function readsAs(period: PeriodFacts, role: PeriodRole, years: Years): boolean {
  const yearsRight =
    typeof years === "number" ? period.years.includes(years) : period.years.join() === years.join();
  return period.role === role && yearsRight;
}

const ROWS: Row[] = [
  // 安徽: "一、2025年工作和“十四五”发展回顾" opens with 过去一年, then "——这五年" items; targets in "三、2026年重点工作".
  ["ah_gwr2026.txt", "全省地区生产总值5.3万亿元", "achieved", 2025],
  ["ah_gwr2026.txt", "全年新登记各类经营主体94.6万户", "achieved", 2025],
  // "“十四五”规划主要目标顺利完成" (a plan's goals met) and "——这五年" open a five-year review.
  ["ah_gwr2026.txt", "年均增长5.7%、高于全国0.3个百分点", "five-year", PLAN_14],
  ["ah_gwr2026.txt", "专精特新“小巨人”企业从80户增加到810户", "five-year", PLAN_14],
  ["ah_gwr2026.txt", "全省地区生产总值增长5%—5.5%", "target", 2026],
  // A clause after the list's "；": it no longer says 预期目标 itself; its "完成国家下达目标任务" (meeting the
  // state's targets, still to do) is no goals-met cue.
  ["ah_gwr2026.txt", "城镇新增就业68万人左右", "target", 2026],
  // "二、“十五五”时期主要目标和重大任务": a five-year average to come.
  ["ah_gwr2026.txt", "全省地区生产总值年均增长5%—5.5%", "long-range", PLAN_15],
  // 预期 of 人均预期寿命 is no target word; the sentence opens with 到2030年.
  ["ah_gwr2026.txt", "人均预期寿命提高到80岁以上", "long-range", 2030],
  ["ah_gwr2026.txt", "2030年前实现碳达峰目标", "long-range", 2030],

  // 福建: the first heading ("一、一年接着一年干…") says neither 2025 nor 回顾; "初步统计，2025年…" does.
  ["fj_gwr2026.txt", "2025年全省地区生产总值60199.45亿元", "achieved", 2025],
  // 上年 is the comparison base here, not the year spoken of.
  ["fj_gwr2026.txt", "居民消费价格与上年持平", "achieved", 2025],
  // Misread: the year of "2025年是…。一年来，…" does not reach the items under "（一）…".
  ["fj_gwr2026.txt", "新增9家国家卓越级智能工厂", "achieved", 2025, "achieved []"],
  ["fj_gwr2026.txt", "全社会研发经费投入年均增长10.5%", "five-year", PLAN_14],
  ["fj_gwr2026.txt", "新增“两院”院士9人", "five-year", PLAN_14],
  // 今后五年 of the 十五五 plan; 预期性指标 names a kind of indicator, not this year's target.
  // Misread: 今后五年 gives no years, so the sentence takes the paragraph's 到2035年 as well.
  ["fj_gwr2026.txt", "等16个预期性指标", "long-range", PLAN_15, "long-range [2026–2030, 2035]"],
  ["fj_gwr2026.txt", "到2035年要在基本实现社会主义现代化中走在前列", "long-range", 2035],
  ["fj_gwr2026.txt", "全省地区生产总值增长5%左右", "target", 2026],
  ["fj_gwr2026.txt", "城镇新增就业50万人", "target", 2026],
  ["fj_gwr2026.txt", "粮食产量513万吨以上", "target", 2026],

  // 广东: 2025 results under "二是推动全省经济运行稳中有进、稳中向好。"; five years under "这是…的五年。".
  ["gd_gwr2026.txt", "地区生产总值增长3.9%", "achieved", 2025],
  ["gd_gwr2026.txt", "新能源汽车产量增长27.7%", "achieved", 2025],
  ["gd_gwr2026.txt", "地区生产总值从11.37万亿元提高到14.58万亿元", "five-year", PLAN_14],
  // "“十五五”时期经济社会发展的\n主要目标\n是：…": the lead-in is split over three lines.
  // Misread: the bare line "主要目标" is taken for a heading of this year's targets, hiding the 十五五 one.
  ["gd_gwr2026.txt", "地区生产总值年均增长5%左右", "long-range", PLAN_15, "target []"],
  // 到二〇三五年, in Chinese numerals: no deadline for the engine, so the heading above decides.
  ["gd_gwr2026.txt", "用13年时间基本实现社会主义现代化", "long-range", 2035, "target [2035]"],
  // "今年经济社会发展的\n主要预期目标\n是：…", split the same way.
  ["gd_gwr2026.txt", "地区生产总值增长4.5%—5%", "target", 2026],
  ["gd_gwr2026.txt", "地方一般公共预算收入增长3%左右", "target", 2026],

  // 贵州: "2025年在贵州发展进程中极不平凡。" leads "——" items; "五年来" leads "（一）…（十）".
  ["gz_gwr2026.txt", "全年地区生产总值增长4.9%", "achieved", 2025],
  ["gz_gwr2026.txt", "城镇新增就业62.6万人", "achieved", 2025],
  ["gz_gwr2026.txt", "居民人均可支配收入年均增长6.6%", "five-year", PLAN_14],
  // "“十五五”时期要努力实现以下主要目标。" then "——" items: 63% by 2030, 59% is this year's target.
  ["gz_gwr2026.txt", "常住人口城镇化率达63%左右", "long-range", PLAN_15],
  ["gz_gwr2026.txt", "人均预期寿命提高到78岁左右", "long-range", PLAN_15],
  ["gz_gwr2026.txt", "到二〇三五年实现我省经济实力", "long-range", 2035],
  ["gz_gwr2026.txt", "2030年前碳达峰目标如期实现", "long-range", 2030],
  ["gz_gwr2026.txt", "规模以上工业增加值增长7.5%左右", "target", 2026],
  ["gz_gwr2026.txt", "常住人口城镇化率达59%左右", "target", 2026],

  // 河南: "一、“十四五”时期和2025年工作回顾" reviews the five years first ("过去的五年极不寻常。").
  ["ha_gwr2026.txt", "城镇新增就业603.7万人", "five-year", PLAN_14],
  ["ha_gwr2026.txt", "脱贫地区农民收入年均增长7.9%", "five-year", PLAN_14],
  // Then "刚刚过去的2025年很不平凡。" and the year's items.
  ["ha_gwr2026.txt", "生产总值增长5.6%，规上工业增加值增长8.4%", "achieved", 2025],
  ["ha_gwr2026.txt", "城镇新增就业121.7万人", "achieved", 2025],
  ["ha_gwr2026.txt", "城镇新增就业500万人以上", "long-range", PLAN_15],
  ["ha_gwr2026.txt", "常住人口城镇化率达到65%左右", "long-range", PLAN_15],
  ["ha_gwr2026.txt", "如期实现2030年前碳达峰目标", "long-range", 2030],
  ["ha_gwr2026.txt", "城镇新增就业110万人以上", "target", 2026],
  // 去年 after 比 is a comparison base: the sentence is still this year's target.
  ["ha_gwr2026.txt", "力争比去年实现更多增长", "target", 2026],

  // 湖北: five years first ("“十四五”时期是…的五年"), then "刚刚过去的2025年…".
  // "胜利完成“十四五”主要目标任务" in the lead-in: a plan period's goals met, a five-year review.
  ["hb_gwr2026.txt", "城镇新增就业每年超过90万人", "five-year", PLAN_14],
  ["hb_gwr2026.txt", "累计新开工亿元以上项目超过3万个", "five-year", PLAN_14],
  ["hb_gwr2026.txt", "地区生产总值增长5.5%、居经济大省和中部地区前列", "achieved", 2025],
  ["hb_gwr2026.txt", "新增返乡创业市场经营主体13.9万户", "achieved", 2025],
  ["hb_gwr2026.txt", "地方一般公共预算收入突破4000亿元", "achieved", 2025],
  // "二、“十五五”时期工作的主要考虑": its "二是…" item.
  ["hb_gwr2026.txt", "努力塑造全省更多依靠创新驱动", "long-range", PLAN_15],
  ["hb_gwr2026.txt", "经济增长5.5%左右", "target", 2026],
  ["hb_gwr2026.txt", "城镇新增就业70万人以上", "target", 2026],
  // Names 十五五, but speaks of this year's 5.5%.
  ["hb_gwr2026.txt", "5.5%左右的预期增长目标", "target", 2026],

  // 湖南: "过去的一年，…" then "一是…"; "“十四五”时期是…的五年" then "这五年，…".
  // An item under "“十五五”时期主要目标任务" after a lead-in naming 2035: the plan span stays its period.
  ["hn_gwr2026.txt", "城镇化率提升至67.5%", "long-range", 2030],
  ["hn_gwr2026.txt", "全省地区生产总值达到5.53万亿元", "achieved", 2025],
  ["hn_gwr2026.txt", "汽车总产量达162.6万辆", "achieved", 2025],
  ["hn_gwr2026.txt", "全社会研发投入年均增长11.6%", "five-year", PLAN_14],
  // 较“十三五” is the comparison base of a 十四五 total.
  ["hn_gwr2026.txt", "地方一般公共预算收入累计超1.6万亿元", "five-year", PLAN_14],
  // The 十五五 average, set "综合考虑实现2035年远景目标": it runs to 2030. Misread: the named 2035 is taken.
  ["hn_gwr2026.txt", "提出地区生产总值年均增长5%—5.5%", "long-range", 2030, "long-range [2035]"],
  // An item of "重点从八个方面实现突破" under the 十五五 heading. Misread: 确保 earlier in it reads as a target.
  ["hn_gwr2026.txt", "区域创新能力保持全国前十", "long-range", PLAN_15, "target [2035]"],
  ["hn_gwr2026.txt", "今年主要预期目标是", "target", 2026],
  ["hn_gwr2026.txt", "粮食产量615亿斤左右", "target", 2026],

  // 江苏: "（一）…（六）" under "“十四五”时期是…的五年", then "刚刚过去的2025年…" and "——" items.
  // "各位代表，刚刚过去的2025年，…" ends the five years that "过去五年，…" carried.
  ["js_gwr2026.txt", "地区生产总值增长5.3%、增量保持全国第一", "achieved", 2025],
  ["js_gwr2026.txt", "城镇新增就业141万人", "achieved", 2025],
  // "胜利完成“十四五”主要目标任务" in the lead-in: a plan period's goals met, a five-year review.
  ["js_gwr2026.txt", "连续迈上4个万亿元台阶", "five-year", PLAN_14],
  ["js_gwr2026.txt", "城镇新增就业超690万人", "five-year", PLAN_14],
  ["js_gwr2026.txt", "全社会研发经费投入年均增长7%左右", "long-range", PLAN_15],
  ["js_gwr2026.txt", "到2035年“强富美高”新江苏现代化建设", "long-range", 2035],
  // Deep in a long paragraph that opens "今年是“十五五”开局之年。我们将…".
  ["js_gwr2026.txt", "地区生产总值按增长5%安排", "target", 2026],
  ["js_gwr2026.txt", "城镇新增就业120万人", "target", 2026],
  ["js_gwr2026.txt", "全社会研发投入强度3.42%左右", "target", 2026],

  // 山东: "2025年是很不平凡的一年。" then "（一）…（六）"; "五年来，…" then "——" items.
  // "全年主要目标任务顺利完成" before them: goals met, a result.
  ["sd_gwr2026.txt", "地区生产总值增长5.5%、达到10.3万亿元", "achieved", 2025],
  ["sd_gwr2026.txt", "城镇新增就业124.9万人", "achieved", 2025],
  ["sd_gwr2026.txt", "全省地区生产总值年均增长5.9%", "five-year", PLAN_14],
  // A change over the five years, from the 2020 base: the base year is not the period (由/从 before it).
  ["sd_gwr2026.txt", "占全国比重由2020年的7.2%提升至7.4%", "five-year", PLAN_14],
  ["sd_gwr2026.txt", "一般公共预算收入累计完成3.7万亿元", "five-year", PLAN_14],
  ["sd_gwr2026.txt", "综合竞争力显著增强", "long-range", PLAN_15],
  ["sd_gwr2026.txt", "建设好制度型开放示范区", "long-range", PLAN_15],
  ["sd_gwr2026.txt", "地区生产总值增长5%以上", "target", 2026],
  ["sd_gwr2026.txt", "城镇新增就业110万人以上", "target", 2026],

  // 陕西: "一、2025年工作回顾" holds the five-year review too ("五年来，…一是…五是…").
  // The year's results, in the sentence that also says "累计降幅完成“十四五”任务".
  ["sn_gwr2026.txt", "城镇新增就业44.1万人", "achieved", 2025],
  // Misread: "刚刚过去的一年" and "一年来" give the role but no year.
  ["sn_gwr2026.txt", "新增首台（套）重大技术装备25项", "achieved", 2025, "achieved []"],
  ["sn_gwr2026.txt", "较“十三五”末净增1万亿元", "five-year", PLAN_14],
  ["sn_gwr2026.txt", "技术合同成交额从1795亿元增加到5260亿元", "five-year", PLAN_14],
  ["sn_gwr2026.txt", "每年城镇新增就业40万人以上", "five-year", PLAN_14],
  ["sn_gwr2026.txt", "到2030年全社会研发投入强度", "long-range", 2030],
  // 力争 before 十五五: a goal for the plan period, not this year's target.
  ["sn_gwr2026.txt", "力争“十五五”时期地区生产总值年均增长", "long-range", PLAN_15],
  // "三是…" of the 十五五 goals. Misread: the 力争 (and 到2030年) of the "一是…" item carries to the later items.
  ["sn_gwr2026.txt", "美丽河湖建成率达到60", "long-range", PLAN_15, "target [2030]"],
  ["sn_gwr2026.txt", "城镇新增就业40万人以上，城镇调查失业率", "target", 2026],
  // In "三、2026年重点工作": 12 chains this year, against 11 reached in 2025.
  ["sn_gwr2026.txt", "力争新增规模以上企业1000家", "target", 2026],

  // 云南: "这五年，…" headline paragraphs, then "刚刚过去的2025年…" and "（一）…" headings.
  // "这五年" and "“十四五”这五年" open a five-year review inside the heading's 回顾 of 2025.
  ["yn_gwr2026.txt", "地区生产总值突破3万亿元、年均增长4.7%", "five-year", PLAN_14],
  ["yn_gwr2026.txt", "城镇新增就业261.6万人", "five-year", PLAN_14],
  ["yn_gwr2026.txt", "完成地区生产总值32765亿元", "achieved", 2025],
  ["yn_gwr2026.txt", "新增规模以上工业企业755户", "achieved", 2025],
  ["yn_gwr2026.txt", "旅居人数增长41.4%", "achieved", 2025],
  ["yn_gwr2026.txt", "非烟非能工业增加值比重大幅提高", "long-range", PLAN_15],
  ["yn_gwr2026.txt", "争创美丽中国先行区取得突破", "long-range", PLAN_15],
  ["yn_gwr2026.txt", "城镇新增就业50万人以上", "target", 2026],

  // 浙江: "一、2025年主要工作和“十四五”发展成就".
  ["zj_gwr2026.txt", "全省生产总值增长5.5%，一般公共预算收入增长1.8%", "achieved", 2025],
  ["zj_gwr2026.txt", "全省科技创新投入7232亿元", "achieved", 2025],
  ["zj_gwr2026.txt", "年均增长5.9%，规模稳居全国第4位", "five-year", PLAN_14],
  // Names 2020 and 2025: the span of the plan period. Misread: the base year 2020 is now left out (从 before it),
  // but the end year 2025 alone is taken for the period instead of the plan span.
  ["zj_gwr2026.txt", "从2020年的10.5万元提高到2025年的14万元", "five-year", PLAN_14, "five-year [2025]"],
  ["zj_gwr2026.txt", "全社会研发投入强度达到3.5%以上", "long-range", 2030],
  // After the "；" of the sentence that opens 到2030年.
  ["zj_gwr2026.txt", "常住人口城镇化率达到78%左右", "long-range", 2030],
  ["zj_gwr2026.txt", "到2030年“415X”集群营收突破13万亿元", "long-range", 2030],
  ["zj_gwr2026.txt", "全省生产总值增长5%—5.5%", "target", 2026],
  ["zj_gwr2026.txt", "城镇调查失业率5%以内", "target", 2026],
];

const READ_RIGHT = ROWS.filter((r) => r[4] === undefined);
const MISREAD = ROWS.filter((r) => r[4] !== undefined);

describe("the period of sample passages of each 2026 provincial report", () => {
  it.each(READ_RIGHT)("%s 「%s」 is %s %s", (file, fragment, role, years) => {
    const period = periodOf(file, fragment);
    const where = `${file} 「${fragment}」`;
    expect(period.role, where).toBe(role);
    if (typeof years === "number") expect(period.years, where).toContain(years);
    else expect(period.years, where).toEqual(years);
  });

  // Documented misreadings: each passes while the engine still reads its row wrong, and fails once it reads
  // it right, so that the row can drop its fifth item and join the rows above.
  it.each(MISREAD)(
    "known misreading: %s 「%s」 is %s %s, the engine says %s",
    (file, fragment, role, years, engineSays) => {
      const period = periodOf(file, fragment);
      expect(readsAs(period, role, years), "now read right: drop the row's engineSays").toBe(false);
      // A misreading that changes (or gets worse) is seen too.
      expect(describePeriod(period), "the misreading changed: update the row").toBe(engineSays);
    },
  );

  it("samples every report", () => {
    expect(new Set(ROWS.map((r) => r[0]))).toEqual(new Set(engine.sources().map((d) => d.doc)));
  });
});

describe("each report's home place is its province", () => {
  it.each([
    ["ah_gwr2026.txt", "安徽"],
    ["fj_gwr2026.txt", "福建"],
    ["gd_gwr2026.txt", "广东"],
    ["gz_gwr2026.txt", "贵州"],
    ["ha_gwr2026.txt", "河南"],
    ["hb_gwr2026.txt", "湖北"],
    ["hn_gwr2026.txt", "湖南"],
    ["js_gwr2026.txt", "江苏"],
    ["sd_gwr2026.txt", "山东"],
    ["sn_gwr2026.txt", "陕西"],
    ["yn_gwr2026.txt", "云南"],
    ["zj_gwr2026.txt", "浙江"],
  ])("%s -> %s", (file, place) => {
    expect(engine.documents.homes.get(file)).toBe(place);
    expect(engine.sources().find((d) => d.doc === file)?.place).toBe(place);
  });
});
