import { describe, expect, it } from "vitest";
import { searchTokens } from "../../src/index/tokens.js";
import { normalizeQuery, normalizeText, toSimplified } from "../../src/text/script.js";
import { cut } from "../../src/text/segment.js";

describe("script and normalization", () => {
  it.each([
    ["重慶加快建設教育強市", "重庆加快建设教育强市"],
    ["中小學生每天綜合體育活動時間不低于2小時", "中小学生每天综合体育活动时间不低于2小时"],
    ["并發出通知", "并发出通知"],
    ["新增学位多少", "新增学位多少"],
  ])("toSimplified(%s)", (t, s) => {
    expect(toSimplified(t)).toBe(s);
    expect(toSimplified(t)).toHaveLength(t.length);
  });

  it("NFKC folds full-width digits and keeps a map back to the quote", () => {
    const { norm, map } = normalizeText("新增學位２７．８萬個");
    expect(norm).toBe("新增学位27.8万个");
    expect(map).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it.each([
    ["重庆GDP增长6.1%", "重庆gdp增长6.1%", null],
    ["ＧＤＰ增長６．１％", "gdp增长6.1%", null],
    ["面积12㎡", "面积12m2", [0, 1, 2, 3, 4, 4]],
    ["İstanbul", "i̇stanbul", [0, 0, 1, 2, 3, 4, 5, 6, 7]],
  ])(
    "normalizeText(%s): the fast path for text already in NFKC gives what the character walk gives",
    (t, n, m) => {
      const { norm, map } = normalizeText(t);
      expect(norm).toBe(n);
      expect(map).toEqual(m ?? [...t].map((_c, i) => i));
    },
  );

  it("normalizes a question: spaces between Chinese removed, Latin lower-cased", () => {
    expect(normalizeQuery("  丰都 GDP 增速？ ")).toBe("丰都gdp增速?");
  });
});

describe("segmentation", () => {
  it("keeps decimal figures whole (HMM on)", () => {
    expect(cut("新增学位27.8万个")).toContain("27.8");
  });

  it.each([
    ["高等教育毛入学率达63.5%", ["高等教育", "毛入学率", "入学率"]],
    ["建成571个基础教育发展共同体,教共体覆盖率达80%", ["教共体", "覆盖率", "基础教育"]],
  ])("search tokens of %s include domain words and no digit fragments", (text, words) => {
    const tokens = searchTokens(text);
    for (const w of words) expect(tokens).toContain(w);
    expect(tokens.some((t) => /^[\d.%]+$/.test(t))).toBe(false);
  });
});
