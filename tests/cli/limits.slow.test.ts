import { describe, expect, it } from "vitest";
import { runCli } from "./run-entry.js";

// The CLI had no input limits: `check` of a 100 KB claim ran for minutes. It now applies the chats' limits.
describe("the CLI's questions and claims go through the conversation layer's limits", () => {
  it("refuses an overlong claim and a claim of too many figures, saying why, exit 2, nothing answered", async () => {
    const [long, figures, batch] = await Promise.all([
      runCli(["check", `核实 ${"1%".repeat(1000)}`]),
      runCli(["check", "--json", "1%".repeat(21)]),
      runCli(["ask", "--json"], { input: `新增学位多少\n${"多".repeat(501)}\n` }),
    ]);
    expect(long.code).toBe(2);
    expect(long.err).toContain("说法太长了（2000 字），请控制在 500 字以内");
    expect(long.out).toBe("");
    expect(figures.code).toBe(2);
    expect(figures.err).toContain("说法里的数字太多了（21 个），一次最多核实 20 个");
    expect(batch.code).toBe(2);
    expect(batch.err).toContain("第 2 行：问题太长了（501 字）");
    expect(batch.out).toBe("");
  }, 60_000);
});
