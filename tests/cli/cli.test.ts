import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

function cli(args: string[], input?: string, env: Record<string, string> = {}) {
  const r = spawnSync("npx", ["tsx", "adapters/cli/main.ts", ...args], {
    input,
    encoding: "utf8",
    env: { ...process.env, ...env },
    timeout: 60_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe("cli ask/check --json (the scored contract)", () => {
  it("answers one question as one JSON object", () => {
    const r = cli(["ask", "--json", "新增学位多少"]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
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
  }, 60_000);

  it("answers stdin questions one JSON line each, in order, and says when there is no answer", () => {
    const r = cli(["ask", "--json"], "新增学位多少\n\n火星车什么时候登陆\n高等教育毛入学率\n");
    const lines = r.out
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.question)).toEqual(["新增学位多少", "火星车什么时候登陆", "高等教育毛入学率"]);
    expect(lines[1].noAnswer).toBe(true);
    expect(lines[1].answers).toEqual([]);
    expect(lines[2].answers[0].figures[0].text).toBe("63.5%");
  }, 60_000);

  it("checks claims in batch with the four verdict strings", () => {
    const r = cli(
      ["check", "--json"],
      "全市新增学位3.8万个\n重庆新增学位二十七点八万个\n重庆今年成功举办了冬季奥运会\n",
    );
    const lines = r.out
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.verdict)).toEqual(["contradicted", "supported", "not_found"]);
    expect(lines[0].evidence[0].text).toContain("27.8万个");
  }, 60_000);
});

describe("cli snapshot", () => {
  it("answers first and leaves the index snapshot behind for the next run, which starts from it", () => {
    const dataDir = mkdtempSync(join(tmpdir(), "data-"));
    const first = cli(["ask", "--json", "新增学位多少"], undefined, { DATA_DIR: dataDir });
    expect(first.code).toBe(0);
    expect(JSON.parse(first.out).answers[0].figures[0].text).toBe("27.8万个");
    expect(readdirSync(dataDir)).toEqual(["index-snapshot.bin"]);
    const second = cli(["check", "--json", "全市新增学位28万个"], undefined, { DATA_DIR: dataDir });
    expect(JSON.parse(second.out).verdict).toBe("supported");
    expect(existsSync(join(dataDir, "index-snapshot.bin"))).toBe(true);
  }, 60_000);
});

describe("cli errors", () => {
  it("still answers when DATA_DIR cannot be written, with a warning", () => {
    const dir = mkdtempSync(join(tmpdir(), "data-"));
    const file = join(dir, "not-a-dir");
    writeFileSync(file, "");
    const r = cli(["ask", "--json", "新增学位多少"], undefined, { DATA_DIR: join(file, "data") });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).answers[0].figures[0].text).toBe("27.8万个");
    expect(r.err).toContain("warning: index snapshot not written");
  }, 60_000);

  it("names a missing corpus directory and the fix", () => {
    const r = cli(["ask", "新增学位多少"], undefined, { CORPUS_DIR: "/nonexistent/corpus" });
    expect(r.code).toBe(1);
    expect(r.err).toContain("CORPUS_MISSING: corpus directory /nonexistent/corpus does not exist");
    expect(r.err).not.toMatch(/\n\s+at /);
  }, 60_000);

  it("names an empty corpus and an undecodable file", () => {
    const dir = mkdtempSync(join(tmpdir(), "corpus-"));
    writeFileSync(join(dir, "scan.txt"), Buffer.from(new Uint8Array(300).map((_, i) => (i * 37) % 256)));
    const r = cli(["ask", "新增学位多少"], undefined, { CORPUS_DIR: dir });
    expect(r.code).toBe(1);
    expect(r.err).toContain("CORPUS_EMPTY");
    expect(r.err).toContain("scan.txt");
  }, 60_000);

  it("rejects an unknown command with usage", () => {
    const r = cli(["frobnicate"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("unknown command");
  }, 60_000);
});
