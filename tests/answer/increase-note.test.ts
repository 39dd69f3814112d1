import { beforeAll, describe, expect, it } from "vitest";
import { indicatorAsAsked } from "../../src/answer/increase-note.js";
import { createEngine, type Engine } from "../../src/engine.js";
import { analyzeQuery } from "../../src/query/analyze-query.js";

let engine: Engine;
beforeAll(async () => {
  engine = await createEngine({ corpusDir: "seeds" });
});

// The increase-only note names what was asked: "语料中没有找到{indicator}的总数，只有新增的数量：".
describe("indicatorAsAsked: the indicator the note names, as the question writes it", () => {
  it.each([
    ["有多少所高校", "高校"],
    ["安徽科技型中小企业有多少家", "科技型中小企业"], // two words of jieba, one name
    ["云南的重点实验室和技术创新中心有多少个", "重点实验室和技术创新中心"], // 和 between two names stays
    ["湖北有进出口实绩的企业有多少家", "有进出口实绩的企业"], // so does 的
  ])("%s -> %s", (question, indicator) => {
    const q = analyzeQuery(question, engine.documents.gazetteer, engine.clock());
    expect(indicatorAsAsked(q)).toBe(indicator);
  });
});
