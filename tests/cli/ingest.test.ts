import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { makeDocx, makeImageOnlyPdf, makePdf } from "../ingest/fixtures.js";
import { jsonLines, runCli } from "./run-entry.js";

describe("cli ingest", () => {
  it("adds and refuses files end to end, one line each, exit 3 when any is refused", async () => {
    const root = mkdtempSync(join(tmpdir(), "ingest-cli-"));
    const corpus = join(root, "corpus");
    mkdirSync(corpus);
    const report = join(root, "report.pdf");
    const scan = join(root, "scan.pdf");
    const notice = join(root, "notice.docx");
    writeFileSync(report, await makePdf(["某某区养老服务工作报告", "某某区新增养老床位1500张。"]));
    writeFileSync(scan, await makeImageOnlyPdf());
    writeFileSync(notice, await makeDocx(["某某区停车设施建设情况", "某某区新增停车位1.2万个。"]));
    const args = ["ingest", "--publisher", "某某区人民政府", "--date", "2025-03-01", report, scan];
    // A bad MAX_DOC_MB is refused before the corpus is touched: that run can go alongside the first.
    const [r, bad] = await Promise.all([
      runCli(args, { env: { CORPUS_DIR: corpus } }),
      runCli(["ingest", report], { env: { CORPUS_DIR: corpus, MAX_DOC_MB: "lots" } }),
    ]);
    expect(r.err).not.toMatch(/error/i);
    expect(r.out.split("\n")).toEqual([
      "✓ added report.pdf — 《某某区养老服务工作报告》 某某区人民政府 2025-03-01",
      "✗ refused scan.pdf: no text layer (scanned PDF?) — OCR it first or ingest a text version",
      `1 added, 1 refused (corpus: ${corpus})`,
      "",
    ]);
    expect(r.code).toBe(3);
    const manifest = JSON.parse(readFileSync(join(corpus, "manifest.json"), "utf8"));
    expect(manifest.documents[0]).toMatchObject({
      file: "report.pdf",
      publisher: "某某区人民政府",
      date: "2025-03-01",
    });

    const json = await runCli(["ingest", "--json", notice, report], { env: { CORPUS_DIR: corpus } });
    expect(jsonLines(json.out)).toMatchObject([
      { status: "added", doc: "notice.docx", title: "某某区停车设施建设情况" },
      { status: "refused", code: "DUPLICATE" },
    ]);
    expect(json.code).toBe(3);

    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/MAX_DOC_MB must be a positive number/);
  }, 120_000);
});
