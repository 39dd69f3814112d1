import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { LOCK_FILE } from "../../src/corpus/corpus-lock.js";
import { parseManifest } from "../../src/corpus/manifest.js";
import { batchInbox, makeDocx, makeImageOnlyPdf, makePdf } from "../ingest/fixtures.js";
import { jsonLines, runCli } from "./run-entry.js";

/** Every file of seeds/ and its hash: ingest must never change them. */
function seedsState(): string[] {
  return readdirSync("seeds")
    .sort()
    .map(
      (f) =>
        `${f} ${createHash("sha256")
          .update(readFileSync(join("seeds", f)))
          .digest("hex")}`,
    );
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
    // A bad MAX_DOC_MB or URL is refused before the corpus is touched: those runs can go alongside the first.
    const [r, bad, badUrl] = await Promise.all([
      runCli(args, { env: { CORPUS_DIR: corpus } }),
      runCli(["ingest", report], { env: { CORPUS_DIR: corpus, MAX_DOC_MB: "lots" } }),
      runCli(["ingest", "--url", "javascript:alert(1)", notice], { env: { CORPUS_DIR: corpus } }),
    ]);
    expect(r.err).not.toMatch(/error/i);
    expect(r.out.split("\n")).toEqual([
      "✓ added report.pdf — 《某某区养老服务工作报告》 某某区人民政府 2025-03-01",
      "✗ refused scan.pdf: no text layer (scanned PDF?) — OCR it first or ingest a text version",
      `2 files: 1 added, 1 refused (corpus: ${corpus})`,
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
    expect(bad.err).toMatch(/MAX_DOC_MB: must be a positive number/);
    expect(badUrl.code).toBe(2); // a usage mistake, said with the usage
    expect(badUrl.err.split("\n")[0]).toBe(
      'INPUT_INVALID: url "javascript:alert(1)" is not an http(s) address — give the page\'s http:// or https:// address, or leave --url out',
    );
    expect(badUrl.err).toContain("usage: npm run cli -- ingest");
  }, 120_000);

  it("loses nothing when four processes ingest into the default corpus at once, and never writes seeds/", async () => {
    const before = seedsState();
    const root = mkdtempSync(join(tmpdir(), "ingest-cli-four-"));
    const data = join(root, "data");
    const runs = await Promise.all(
      [0, 1, 2, 3].map((b) =>
        runCli(["ingest", "--json", batchInbox(root, b, 24)], { env: { CORPUS_DIR: "", DATA_DIR: data } }),
      ),
    );
    for (const run of runs) expect([run.code, run.err]).toEqual([0, ""]);
    const added = runs.flatMap((run) => jsonLines(run.out));
    expect(added).toHaveLength(4 * 25);
    const corpus = join(data, "corpus");
    const path = join(corpus, "manifest.json");
    const manifest = parseManifest(readFileSync(path, "utf8"), path);
    const seeds = readdirSync("seeds").filter((f) => f !== "manifest.json");
    expect([...manifest.keys()].sort()).toEqual([...seeds, ...added.map((r) => r.doc)].sort());
    for (const r of added) {
      expect(manifest.get(r.doc)?.title).toBe(r.title);
      expect(readFileSync(join(corpus, r.doc))).toEqual(readFileSync(r.file));
    }
    const reports = added.filter((r) => r.file.endsWith("report.txt")).map((r) => r.doc);
    expect(reports.sort()).toEqual(["report-2.txt", "report-3.txt", "report-4.txt", "report.txt"]);
    expect(readdirSync(corpus).filter((f) => f.startsWith("."))).toEqual([]);
    expect(seedsState()).toEqual(before);
  }, 120_000);

  it("prints each file's line as soon as it is done, then the summary", async () => {
    const root = mkdtempSync(join(tmpdir(), "ingest-cli-stream-"));
    const corpus = join(root, "corpus");
    const folder = join(root, "folder");
    mkdirSync(corpus);
    mkdirSync(folder);
    writeFileSync(join(folder, "a-empty.txt"), "");
    writeFileSync(
      join(folder, "b\n✓ added forged.txt"),
      "某某区停车设施建设情况\n某某区新增停车位1.2万个。\n",
    );
    // Another ingest holds the corpus (a live process: this one): the first file, refused before it needs the
    // lock, is printed while the second waits for it.
    const lock = join(corpus, LOCK_FILE);
    const owner = { pid: process.pid, host: hostname(), at: Date.now(), token: "test" };
    writeFileSync(lock, JSON.stringify(owner));
    const child = spawn(
      process.execPath,
      ["--import", "tsx", resolve("adapters/cli/main.ts"), "ingest", folder],
      {
        env: { ...process.env, CORPUS_DIR: corpus },
      },
    );
    let out = "";
    const exited = new Promise<number | null>((done) => child.on("close", done));
    await new Promise<void>((first) =>
      child.stdout.setEncoding("utf8").on("data", (d: string) => {
        out += d;
        if (out.includes("\n")) first();
      }),
    );
    expect(out).toBe("✗ refused a-empty.txt: empty file — nothing to ingest\n");
    rmSync(lock);
    expect(await exited).toBe(3);
    expect(out.split("\n")).toEqual([
      "✗ refused a-empty.txt: empty file — nothing to ingest",
      "✓ added b\\n✓ added forged.txt (as b ✓ added forged.txt) — 《某某区停车设施建设情况》",
      `2 files: 1 added, 1 refused (corpus: ${corpus})`,
      "",
    ]);
  }, 60_000);

  it("reads .env from the working directory, as npm start does", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "ingest-cli-env-"));
    const corpus = join(cwd, "from-dotenv");
    mkdirSync(corpus);
    writeFileSync(join(cwd, ".env"), `CORPUS_DIR=${corpus}\nMAX_DOC_MB=0.00001\n`);
    writeFileSync(join(cwd, "a.txt"), "某某区养老服务工作报告\n某某区新增养老床位1500张。\n");
    const r = await runCli(["ingest", "a.txt"], {
      cwd,
      env: { CORPUS_DIR: undefined, MAX_DOC_MB: undefined },
    });
    expect(r.out).toContain("✗ refused a.txt: ");
    expect(r.out).toContain("over the 0.00001 MB limit");
    expect(r.out).toContain(`(corpus: ${corpus})`);
  }, 60_000);
});
