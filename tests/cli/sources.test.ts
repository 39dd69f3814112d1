import { beforeAll, describe, expect, it } from "vitest";
import { renderSources } from "../../adapters/cli/sources.js";
import { createEngine, type DocumentMeta } from "../../src/mod.js";

// In process, not spawned: the listing is a function of the engine's documents (fast tier).
let docs: DocumentMeta[];

beforeAll(async () => {
  const engine = await createEngine({ corpusDir: "tests/fixtures/gov-reports-2026" });
  docs = engine.sources();
});

// The manifest's titles and dates; each report's province read from its title, publisher and opening lines.
const REPORTS = [
  ["ah_gwr2026.txt", "2026年安徽省政府工作报告", "安徽", "2026-02-11"],
  ["fj_gwr2026.txt", "2026年福建省政府工作报告", "福建", "2026-02-06"],
  ["gd_gwr2026.txt", "2026年广东省政府工作报告", "广东", "2026-01-31"],
  ["gz_gwr2026.txt", "2026年贵州省政府工作报告", "贵州", "2026-02-02"],
  ["ha_gwr2026.txt", "2026年河南省政府工作报告", "河南", "2026-02-03"],
  ["hb_gwr2026.txt", "2026年湖北省政府工作报告", "湖北", "2026-02-05"],
  ["hn_gwr2026.txt", "2026年湖南省政府工作报告", "湖南", "2026-02-24"],
  ["js_gwr2026.txt", "2026年江苏省政府工作报告", "江苏", "2026-02-09"],
  ["sd_gwr2026.txt", "2026年山东省政府工作报告", "山东", "2026-02-01"],
  ["sn_gwr2026.txt", "2026年陕西省政府工作报告", "陕西", "2026-02-02"],
  ["yn_gwr2026.txt", "2026年云南省政府工作报告", "云南", "2026-02-03"],
  ["zj_gwr2026.txt", "2026年浙江省政府工作报告", "浙江", "2026-01-22"],
] as const;

describe("cli sources over the 12 provincial reports", () => {
  it("lists every report, notes (SOURCES.md) and manifest left out", () => {
    expect(docs.map((d) => d.doc)).toEqual(REPORTS.map(([doc]) => doc));
  });

  it.each(REPORTS)("%s: title, home place and date in JSON", (doc, title, place, date) => {
    const lines = renderSources(docs, true)
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.find((l) => l.doc === doc)).toMatchObject({ title, place, date });
  });

  it.each(REPORTS)("%s: title, home place and date in the text line", (doc, title, place, date) => {
    const line = renderSources(docs, false)
      .split("\n")
      .find((l) => l.endsWith(`[${doc}]`));
    expect(line).toContain(`《${title}》`);
    expect(line).toContain(date);
    expect(line).toContain(`place: ${place}`);
  });

  it("shows the publisher where the source names one, and every JSON field even when unknown", () => {
    const text = renderSources(docs, false).split("\n");
    expect(text[0]).toBe("《2026年安徽省政府工作报告》 安徽日报 2026-02-11 · place: 安徽  [ah_gwr2026.txt]");
    const gd = JSON.parse(renderSources(docs, true).split("\n")[2] ?? "");
    expect(Object.keys(gd)).toEqual(["doc", "title", "place", "date", "publisher", "url"]);
    expect(gd.publisher).toBeNull();
  });
});
