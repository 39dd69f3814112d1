import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseMaxDocMb, renderIngestLine } from "../../adapters/cli/ingest.js";
import { makeDocx, makeImageOnlyPdf, makePdf } from "./fixtures.js";

function cli(args: string[], env: Record<string, string>) {
  const r = spawnSync("npx", ["tsx", "adapters/cli/main.ts", ...args], {
    encoding: "utf8",
    env: { ...process.env, ...env },
    timeout: 60_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

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
    const r = cli(args, { CORPUS_DIR: corpus });
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

    const json = cli(["ingest", "--json", notice, report], { CORPUS_DIR: corpus });
    const lines = json.out
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines).toMatchObject([
      { status: "added", doc: "notice.docx", title: "某某区停车设施建设情况" },
      { status: "refused", code: "DUPLICATE" },
    ]);
    expect(json.code).toBe(3);

    const bad = cli(["ingest", report], { CORPUS_DIR: corpus, MAX_DOC_MB: "lots" });
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/MAX_DOC_MB must be a positive number/);
  }, 120_000);

  it("reads MAX_DOC_MB with a default of 20 and renders a renamed file", () => {
    expect(parseMaxDocMb(undefined)).toBe(20);
    expect(parseMaxDocMb("")).toBe(20);
    expect(parseMaxDocMb("0.5")).toBe(0.5);
    expect(() => parseMaxDocMb("-1")).toThrow(/CONFIG_INVALID: MAX_DOC_MB/);
    const line = renderIngestLine({
      file: "in/report.pdf",
      status: "added",
      doc: "report-2.pdf",
      title: null,
      publisher: null,
      date: "2025",
    });
    expect(line).toBe("✓ added report.pdf (as report-2.pdf) — (no title) 2025");
  });
});
