import { describe, expect, it } from "vitest";
import type { Figure } from "../../src/text/figure.js";
import { parseFigures } from "../../src/text/figures.js";

type Expected = Partial<Figure>;

// Sentences are given as the parser receives them: NFKC-normalised, simplified, without whitespace.
const quantities: [string, Expected[]][] = [
  [
    "已累计新建、改扩建义务教育学校151所,新增学位27.8万个",
    [
      { text: "151所", value: 151, unit: "所", kind: "quantity", bound: "exact", step: 1 },
      { text: "27.8万个", value: 278000, unit: "个", step: 1000 },
    ],
  ],
  ["对口帮扶渝东南、渝东北片区800余所农村学校", [{ text: "800余所", value: 800, unit: "所", bound: "over" }]],
  ["累计投入农村学校及薄弱学校改善资金626.6亿元", [{ value: 62660000000, unit: "元", step: 10000000 }]],
  ["重庆智慧教育平台访问量突破2.32亿人次", [{ value: 232000000, unit: "人次", step: 1000000 }]],
  ["带动就业近100万人", [{ text: "近100万人", value: 1000000, unit: "人", bound: "near" }]],
  ["川渝两地制造业营业收入达到5.6万亿元", [{ text: "5.6万亿元", value: 5.6e12, unit: "元", bound: "exact" }]],
  ["近8万余名大学生党员坚定拥护", [{ text: "近8万余名", value: 80000, unit: "名", bound: "about" }]],
  ["度服务创业者8万余", [{ text: "8万余", value: 80000, unit: "", bound: "over", step: 10000 }]],
  ["2024年妥善安置22.5万进城务工人员随迁子女", [{ kind: "year" }, { value: 225000, unit: "" }]],
  [
    "汇聚在线课程4000余门、数字图书46万余册",
    [
      { value: 4000, unit: "门" },
      { value: 460000, unit: "册" },
    ],
  ],
  ["营收达1,234万元", [{ text: "1,234万元", value: 12340000, unit: "元" }]],
  ["建成2千个站点", [{ text: "2千个", value: 2000, unit: "个", step: 1000 }]],
  ["差异系数降至0.415", [{ value: 0.415, unit: "", step: 0.001 }]],
  [
    "累计授信95.2亿元,用信28亿余元",
    [{ value: 9520000000 }, { value: 2800000000, unit: "元", bound: "over" }],
  ],
  ["让14亿多中国人一起迈向现代化", [{ value: 1400000000, unit: "", bound: "over" }]],
  ["经过1个多月的征集", [{ text: "1个多月", value: 1, unit: "个月", bound: "over" }]],
  ["综合续航1400km以上", [{ text: "1400km以上", value: 1400, unit: "km", bound: "over" }]],
  ["人均补贴8000元/人", [{ value: 8000, unit: "元/人" }]],
  ["加氢站建设5千米范围", [{ value: 5, unit: "千米" }]],
];

const chineseNumerals: [string, Expected[]][] = [
  [
    "新增二十七点八万个学位",
    [{ text: "二十七点八万个", value: 278000, unit: "个", step: 1000, chinese: true }],
  ],
  ["新增六所学校", [{ value: 6, unit: "所", chinese: true }]],
  ["新建一百五十一所学校", [{ text: "一百五十一所", value: 151, unit: "所" }]],
  ["招聘一万二千名教师", [{ value: 12000, unit: "名", step: 1000 }]],
  [
    "三千年江州城,八百年重庆府",
    [
      { value: 3000, unit: "年" },
      { value: 800, unit: "年" },
    ],
  ],
  ["重要演讲报以十多次长时间热烈掌声", [{ text: "十多次", value: 10, unit: "次", bound: "over" }]],
  ["成功使近一亿人摆脱贫困", [{ text: "近一亿人", value: 100000000, unit: "人", bound: "near" }]],
  ["覆盖两千人", [{ value: 2000, unit: "人", step: 1000 }]],
  ["奖励三千零五元", [{ value: 3005, unit: "元", step: 1 }]],
];

const percents: [string, Expected[]][] = [
  ["全市义务教育教师交流轮岗占比达到26.6%", [{ text: "26.6%", value: 26.6, unit: "%", kind: "percent" }]],
  ["学生学业成绩校间差异系数降低了22.8%以上", [{ text: "22.8%以上", value: 22.8, bound: "over" }]],
  ["力争财政性教育经费支出占全市生产总值的比例达到4%", [{ value: 4, unit: "%", kind: "percent" }]],
  [
    "普高计划较2023年提高近6个百分点",
    [{ kind: "year" }, { text: "近6个百分点", unit: "百分点", bound: "near" }],
  ],
  ["毛入园率达93.06%", [{ value: 93.06, step: 0.01 }]],
  ["六成以上的学校", [{ text: "六成以上", value: 60, unit: "%", kind: "percent", step: 10, bound: "over" }]],
  ["不到五成", [{ text: "不到五成", value: 50, unit: "%", bound: "under" }]],
  ["近三成家庭", [{ text: "近三成", value: 30, unit: "%", bound: "near" }]],
  ["超过百分之八十以上的学校", [{ text: "超过百分之八十以上", value: 80, bound: "over" }]],
  ["覆盖率达到百分之八十", [{ text: "百分之八十", value: 80, unit: "%", kind: "percent" }]],
  ["稳居全球前千分之一", [{ value: 0.1, unit: "%", step: 0.1 }]],
  ["进入全球前万分之一", [{ value: 0.01, unit: "%" }]],
  ["提供10%-30%不等的保费补贴", [{ text: "10%-30%", value: 10, high: 30, unit: "%" }]],
  ["学校覆盖率超过80%", [{ text: "超过80%", value: 80, bound: "over" }]],
];

const bounds: [string, Expected[]][] = [
  ["出席人数约400人", [{ text: "约400人", value: 400, bound: "about" }]],
  ["电子信息企业超过180家", [{ text: "超过180家", bound: "over" }]],
  ["招聘逾300人", [{ text: "逾300人", bound: "over" }]],
  ["每班不超过45人", [{ text: "不超过45人", value: 45, bound: "under" }]],
  ["经费不足5000万元", [{ text: "不足5000万元", value: 50000000, bound: "under" }]],
  ["时间不低于2小时", [{ text: "不低于2小时", value: 2, unit: "小时", bound: "over" }]],
  ["至少3名教师", [{ text: "至少3名", bound: "over" }]],
  ["多达1000人参加", [{ text: "多达1000人", bound: "exact" }]],
  ["色优势专业群50个左右", [{ text: "50个左右", value: 50, unit: "个", bound: "about" }]],
  ["50岁以下教师", [{ text: "50岁以下", bound: "under" }]],
  ["将近500名志愿者", [{ text: "将近500名", bound: "near" }]],
  ["薄弱学校任教1年以上经历", [{ text: "1年以上", value: 1, unit: "年", kind: "quantity", bound: "over" }]],
  ["近5年资助家庭经济困难学生", [{ text: "5年", value: 5, unit: "年", bound: "exact" }]],
  ["节约3000万元", [{ text: "3000万元", bound: "exact" }]],
  ["上下游企业50家上下", [{ text: "50家上下", bound: "about" }]],
];

const ranges: [string, Expected[]][] = [
  [
    "中小学生每天综合体育活动时间不低于2小时,帮助学生掌握1—2项运动技能",
    [
      { value: 2, unit: "小时", bound: "over" },
      { text: "1—2项", value: 1, high: 2, unit: "项", bound: "exact" },
    ],
  ],
  ["学生在校掌握1-2项艺术专项", [{ value: 1, high: 2, unit: "项" }]],
  ["支持有条件的幼儿园招收2至3岁幼儿", [{ text: "2至3岁", value: 2, high: 3, unit: "岁" }]],
  ["区县排名提升到4—7位", [{ value: 4, high: 7, unit: "位" }]],
  ["每年新增3至5万人", [{ text: "3至5万人", value: 30000, high: 50000, unit: "人" }]],
  ["培训两至三年", [{ value: 2, high: 3, unit: "年", chinese: true }]],
  ["周期为3~5年", [{ value: 3, high: 5, unit: "年" }]],
];

const ranks: [string, Expected[]][] = [
  [
    "学前教育普惠率达94.61%,全国排名第六",
    [{ value: 94.61 }, { text: "全国排名第六", kind: "rank", unit: "名", value: 6, scope: "全国" }],
  ],
  [
    "入选国家“双高计划”院校10所(全国第6、西部第1)",
    [
      { value: 10, unit: "所" },
      { text: "全国第6", kind: "rank", value: 6, scope: "全国" },
      { text: "西部第1", kind: "rank", value: 1, scope: "西部" },
    ],
  ],
  ["增长6.6%,增速居全市第五", [{ value: 6.6 }, { text: "全市第五", kind: "rank", value: 5, scope: "全市" }]],
  [
    "入选单位共计48个,位居西部第一、全国第十",
    [{ value: 48 }, { kind: "rank", value: 1, scope: "西部" }, { kind: "rank", value: 10, scope: "全国" }],
  ],
  ["获得第6名", [{ text: "第6名", kind: "rank", value: 6 }]],
  [
    "技术转让合同1943件、位列全国第5",
    [
      { value: 1943, unit: "件" },
      { kind: "rank", value: 5 },
    ],
  ],
];

const dates: [string, Expected[]][] = [
  ["到2027年,我市将力争建成", [{ text: "2027年", kind: "year", value: 2027, unit: "年" }]],
  ["2024年12月,市委、市政府印发", [{ text: "2024年12月", kind: "date", iso: "2024-12" }]],
  ["2025年2月28日来源:重庆日报", [{ kind: "date", iso: "2025-02-28", value: 20250228 }]],
  ["11月19日,全市教育大会召开", [{ text: "11月19日", kind: "date", iso: "--11-19" }]],
  ["2025-04-2407:38市市场监管局", [{ text: "2025-04-24", kind: "date", iso: "2025-04-24" }]],
  ["发布于2025.04.24", [{ kind: "date", iso: "2025-04-24" }]],
  ["今年1—9月,川渝两地", [{ text: "1—9月", kind: "date", iso: "--01/--09", value: 100, high: 900 }]],
  ["行动计划(2022—2025年)", [{ text: "2022—2025年", kind: "year", value: 2022, high: 2025 }]],
  ["2024届毕业生", [{ text: "2024届", kind: "year", value: 2024 }]],
  ["赛力斯2024财年业绩报告", [{ text: "2024财年", kind: "year", value: 2024, unit: "年" }]],
  ["二〇二四年", [{ kind: "year", value: 2024, chinese: true }]],
  ["2024年1—9月", [{ kind: "date", iso: "2024-01/2024-09" }]],
  ["2023年以来,高校", [{ kind: "year", value: 2023 }]],
  ["新中国成立70多年来", [{ text: "70多年", kind: "quantity", unit: "年", bound: "over" }]],
];

// Words that contain numerals but state no figure.
const noFigures: string[] = [
  "将促进义务教育优质均衡发展和城乡一体化摆在突出位置",
  "一是汇聚优质资源,二是塑造数字治理",
  "编制“十四五”规划",
  "两国元首同意",
  "将遴选一批基础较好的区县",
  "一些学校,一道难题",
  "在教育部公布的第四批全国党建工作示范高校",
  "第二十一届上海国际汽车工业展览会",
  "全市教育大会第二次全体会议",
  "稳居全国第一方阵",
  "第1眼记者",
  "重庆市第一中学校党委书记",
  "坚决做到“两个维护”",
  "健全完善高校“四位一体”组织体系",
  "三年级学生和90年代",
  "十分重要,二元结构",
  "问界M9与5G网络,PM2.5",
  "第一,加强统筹",
  "比分1:2",
  "落实九年义务教育",
  "党的二十届三中全会",
];

const allCases = [...quantities, ...chineseNumerals, ...percents, ...bounds, ...ranges, ...ranks, ...dates];

describe("parseFigures", () => {
  it.each(quantities)("quantities: %s", (text, expected) => {
    expect(parseFigures(text)).toMatchObject(expected);
  });
  it.each(chineseNumerals)("Chinese numerals: %s", (text, expected) => {
    expect(parseFigures(text)).toMatchObject(expected);
  });
  it.each(percents)("percentages: %s", (text, expected) => {
    expect(parseFigures(text)).toMatchObject(expected);
  });
  it.each(bounds)("bounds: %s", (text, expected) => {
    expect(parseFigures(text)).toMatchObject(expected);
  });
  it.each(ranges)("ranges: %s", (text, expected) => {
    expect(parseFigures(text)).toMatchObject(expected);
  });
  it.each(ranks)("ranks: %s", (text, expected) => {
    expect(parseFigures(text)).toMatchObject(expected);
  });
  it.each(dates)("years and dates: %s", (text, expected) => {
    expect(parseFigures(text)).toMatchObject(expected);
  });
  it.each(noFigures)("finds no figure in %s", (text) => {
    expect(parseFigures(text)).toEqual([]);
  });
});

describe("parseFigures properties", () => {
  const figures = allCases.map(([text]) => [text, parseFigures(text)] as const);

  it.each(figures)("has no floating-point garbage in %s", (_text, found) => {
    for (const figure of found) {
      expect(figure.value).toBe(Number(figure.value.toPrecision(12)));
      expect(figure.step).toBe(Number(figure.step.toPrecision(12)));
      if (figure.high !== undefined) expect(figure.high).toBe(Number(figure.high.toPrecision(12)));
    }
  });

  it.each(figures)("returns ordered, non-overlapping spans that quote %s", (text, found) => {
    let previousEnd = 0;
    for (const figure of found) {
      expect(figure.start).toBeGreaterThanOrEqual(previousEnd);
      expect(text.slice(figure.start, figure.end)).toBe(figure.text);
      previousEnd = figure.end;
    }
  });

  it("does not crash on odd or truncated input", () => {
    for (const text of [
      "",
      "第",
      "百分之",
      "近",
      "1—",
      "2024年13月",
      "万亿",
      "点五",
      "零",
      "1.",
      "1,",
      "—9月",
    ]) {
      expect(() => parseFigures(text)).not.toThrow();
    }
  });
});
