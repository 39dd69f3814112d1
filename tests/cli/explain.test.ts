import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const dataDir = mkdtempSync(join(tmpdir(), "explain-data-"));

function cli(args: string[], input?: string) {
  const r = spawnSync("npx", ["tsx", "adapters/cli/main.ts", ...args], {
    input,
    encoding: "utf8",
    env: { ...process.env, DATA_DIR: dataDir },
    timeout: 60_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe("ask --explain / check --explain", () => {
  it("prints the candidates with their score by feature and the decision, in text and in JSON only when asked", () => {
    const r = cli(["ask", "--json", "--explain"], "新增学位多少\n火星车什么时候登陆\n");
    expect(r.code).toBe(0);
    const [answered, refused] = r.out
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(answered.explain.answered).toBe(true);
    expect(answered.explain.query).toMatchObject({ kind: "quantity", kindRule: "how-much" });
    const top = answered.explain.candidates[0];
    expect(top.outcome).toBe("answer");
    const sum = Object.values(top.features as Record<string, number>).reduce((a, b) => a + b, 0);
    expect(top.score).toBeCloseTo(sum, 2);
    expect(refused.noAnswer).toBe(true);
    expect(refused.explain.answered).toBe(false);

    const plain = cli(["ask", "--json"], "新增学位多少\n");
    expect(JSON.parse(plain.out.trim())).not.toHaveProperty("explain");
  }, 60_000);

  it("prints the text report for a question and for a claim", () => {
    const ask = cli(["ask", "--explain", "沙坪坝区新增学位多少"]);
    expect(ask.code).toBe(0);
    expect(ask.out).toContain("── explain ──");
    expect(ask.out).toMatch(/places: 沙坪坝/);
    expect(ask.out).toMatch(/✗ out of scope: place-missing/);
    expect(ask.out).toContain("decision: answered");
    const check = cli(["check", "--explain", "全市新增学位30万个"]);
    expect(check.out).toContain("❌ 不一致");
    expect(check.out).toMatch(/✓ states it: .*27\.8万个/);
    expect(check.out).toContain("→ contradicted (differs)");
  }, 60_000);

  it("refuses an unknown option instead of reading it as part of the question, and --help prints the usage", () => {
    const bad = cli(["ask", "--explian", "新增学位多少"]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('unknown option "--explian"');
    const help = cli(["ask", "--help"]);
    expect(help.code).toBe(0);
    expect(help.out).toContain("--explain");
  }, 60_000);
});
