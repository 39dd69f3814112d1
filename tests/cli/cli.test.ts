import { mkdtempSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { type EntryRun, jsonLines, runCli } from "./run-entry.js";

// Each process costs a second or two (tsx, jieba, the index), so the cases share as few runs as they can,
// batched over stdin the way the scorer feeds the CLI, and independent runs go at the same time.
const snapshotDir = mkdtempSync(join(tmpdir(), "data-"));
const snapshotFile = join(snapshotDir, "index-snapshot.bin");
let askOne: EntryRun; // one question as an argument; the first run over snapshotDir
let askBatch: EntryRun; // questions on stdin, with a DATA_DIR that cannot be written
let checkOne: EntryRun; // one claim as an argument, from the snapshot askOne left
let checkBatch: EntryRun; // claims on stdin, from the same snapshot
let snapshotMtime: number; // of the snapshot before checkOne and checkBatch read it
let missingCorpus: EntryRun;
let emptyCorpus: EntryRun;
let unknownCommand: EntryRun;
let nothingAsked: EntryRun; // ask with no text and nothing on stdin
let droppedUrl: EntryRun; // a page whose og:url is not http(s)

beforeAll(async () => {
  const firstRun = async () => {
    askOne = await runCli(["ask", "--json", "新增学位多少"], { env: { DATA_DIR: snapshotDir } });
    snapshotMtime = statSync(snapshotFile).mtimeMs;
    const fromSnapshot = { DATA_DIR: snapshotDir };
    [checkOne, checkBatch] = await Promise.all([
      runCli(["check", "--json", "全市新增学位28万个"], { env: fromSnapshot }),
      runCli(["check", "--json"], {
        input: "全市新增学位3.8万个\n重庆新增学位二十七点八万个\n重庆今年成功举办了冬季奥运会\n",
        env: fromSnapshot,
      }),
    ]);
  };
  [, askBatch, missingCorpus, emptyCorpus, unknownCommand, nothingAsked, droppedUrl] = await Promise.all([
    firstRun(),
    runCli(["ask", "--json"], {
      input: "新增学位多少\n\n火星车什么时候登陆\n高等教育毛入学率\n",
      env: { DATA_DIR: join(fileNotDir(), "data") },
    }),
    runCli(["ask", "新增学位多少"], { env: { CORPUS_DIR: "/nonexistent/corpus" } }),
    runCli(["ask", "新增学位多少"], { env: { CORPUS_DIR: undecodableCorpus() } }),
    runCli(["frobnicate"]),
    runCli(["ask", ""], { input: "\n  \n" }),
    runCli(["ask", "江北区新增公共停车位多少"], { env: { CORPUS_DIR: pageCorpus() } }),
  ]);
}, 120_000);

/** A path under which nothing can be created: a file stands where a directory would. */
function fileNotDir(): string {
  const file = join(mkdtempSync(join(tmpdir(), "data-")), "not-a-dir");
  writeFileSync(file, "");
  return file;
}

/** A corpus whose only page names a javascript: address as its URL. */
function pageCorpus(): string {
  const dir = mkdtempSync(join(tmpdir(), "corpus-"));
  const page =
    '<meta property="og:url" content="javascript:alert(1)"><p>今年以来，江北区新增公共停车位3.4万个。</p>';
  writeFileSync(join(dir, "page.html"), page);
  return dir;
}

/** A corpus whose only file is binary noise. */
function undecodableCorpus(): string {
  const dir = mkdtempSync(join(tmpdir(), "corpus-"));
  writeFileSync(join(dir, "scan.txt"), Buffer.from(new Uint8Array(300).map((_, i) => (i * 37) % 256)));
  return dir;
}

describe("cli ask/check --json (the scored contract)", () => {
  it("answers one question as one JSON object", () => {
    expect(askOne.code).toBe(0);
    const json = JSON.parse(askOne.out);
    expect(json.noAnswer).toBe(false);
    expect(json.answers.length).toBeGreaterThan(0);
    expect(json.answers.length).toBeLessThanOrEqual(5);
    expect(json.answers[0]).toMatchObject({
      figures: [{ text: "27.8万个", value: 278000, unit: "个" }],
      source: {
        doc: "000_b9ed197b52a22f3b.txt",
        title: "重庆将遴选部分区县先行创建全国义务教育优质均衡发展区县",
        publisher: "重庆日报",
      },
    });
    expect(json.answers[0].text).toContain("新增学位27.8万个");
  });

  it("answers stdin questions one JSON line each, in order, and says when there is no answer", () => {
    const lines = jsonLines(askBatch.out);
    expect(lines.map((l) => l.question)).toEqual(["新增学位多少", "火星车什么时候登陆", "高等教育毛入学率"]);
    expect(lines[1].noAnswer).toBe(true);
    expect(lines[1].answers).toEqual([]);
    expect(lines[2].answers[0].figures[0].text).toBe("63.5%");
  });

  it("checks one claim as one JSON object", () => {
    expect(checkOne.code).toBe(0);
    expect(JSON.parse(checkOne.out).verdict).toBe("supported");
  });

  it("checks claims in batch with the four verdict strings", () => {
    expect(checkBatch.code).toBe(0);
    const lines = jsonLines(checkBatch.out);
    expect(lines.map((l) => l.verdict)).toEqual(["contradicted", "supported", "not_found"]);
    expect(lines[0].evidence[0].text).toContain("27.8万个");
  });
});

describe("cli snapshot", () => {
  it("answers first and leaves the index snapshot behind for the next runs, which start from it", () => {
    expect(askOne.code).toBe(0);
    expect(JSON.parse(askOne.out).answers[0].figures[0].text).toBe("27.8万个");
    // DATA_DIR also holds the default corpus, made from seeds/ on first use.
    expect(readdirSync(snapshotDir)).toEqual(["corpus", "index-snapshot.bin"]);
    // Runs that start from the snapshot have nothing to write: it stays as the first run left it.
    expect(JSON.parse(checkOne.out).verdict).toBe("supported");
    expect(statSync(snapshotFile).mtimeMs).toBe(snapshotMtime);
  });
});

describe("cli errors", () => {
  it("still answers when DATA_DIR cannot be written, with a warning", () => {
    expect(askBatch.code).toBe(0);
    expect(jsonLines(askBatch.out)[0].answers[0].figures[0].text).toBe("27.8万个");
    expect(askBatch.err).toContain("warning: index snapshot not written");
  });

  it("names a missing corpus directory and the fix", () => {
    expect(missingCorpus.code).toBe(1);
    expect(missingCorpus.err).toContain(
      "CORPUS_MISSING: corpus directory /nonexistent/corpus does not exist",
    );
    expect(missingCorpus.err).not.toMatch(/\n\s+at /);
  });

  it("names an empty corpus and an undecodable file", () => {
    expect(emptyCorpus.code).toBe(1);
    expect(emptyCorpus.err).toContain("CORPUS_EMPTY");
    expect(emptyCorpus.err).toContain("scan.txt");
  });

  it("says on stderr what reading the corpus dropped, and answers", () => {
    expect(droppedUrl.code).toBe(0);
    expect(droppedUrl.out).toContain("3.4万个");
    expect(droppedUrl.err).toContain(
      'note: page.html: URL "javascript:alert(1)" dropped: only http(s) URLs are kept',
    );
  });

  it("rejects an unknown command with usage", () => {
    expect(unknownCommand.code).toBe(2);
    expect(unknownCommand.err).toContain("unknown command");
  });

  it("says so when there is nothing to ask, instead of printing nothing", () => {
    expect(nothingAsked.code).toBe(2);
    expect(nothingAsked.out).toBe("");
    expect(nothingAsked.err).toContain("没有要查的问题");
  });
});
