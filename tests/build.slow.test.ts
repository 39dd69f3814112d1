import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";

/** `npm start` and `npm run cli` run the build: these tests build it and run it as users do, without tsx. */
describe("the build (npm run build → dist/)", () => {
  beforeAll(() => {
    const r = spawnSync("npm", ["run", "--silent", "build"], { encoding: "utf8" });
    expect(r.stderr + r.stdout).toBe("");
    expect(r.status).toBe(0);
  }, 120_000);

  it("answers from the compiled CLI, with the word lists copied beside the code", () => {
    const r = spawnSync(process.execPath, ["dist/adapters/cli/main.js", "ask", "--json", "新增学位多少"], {
      encoding: "utf8",
      env: { ...process.env, CORPUS_DIR: "seeds", DATA_DIR: mkdtempSync(join(tmpdir(), "build-")) },
    });
    expect(r.status).toBe(0);
    const reply = JSON.parse(r.stdout) as { answers: { figures: { text: string }[] }[] };
    expect(reply.answers[0]?.figures[0]?.text).toBe("27.8万个");
  }, 60_000);

  it("reads a corpus on the compiled worker thread", async () => {
    const mod = (await import(
      pathToFileURL(resolve("dist/src/mod.js")).href
    )) as typeof import("../src/mod.js");
    const engine = await mod.createEngine({ corpusDir: "seeds", workerMinBytes: 0 });
    expect(engine.startup.buildWorker).toBe(true);
    const reply = await engine.ask("新增学位多少");
    expect(reply.kind === "answer" && reply.answers[0]?.figure?.text).toBe("27.8万个");
  }, 60_000);
});
