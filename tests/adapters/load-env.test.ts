import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadEnv } from "../../adapters/load-env.js";

// The entry points call loadEnv() first; tests/cli/ingest.test.ts runs the CLI in a directory with a .env.
describe("loadEnv", () => {
  const dir = mkdtempSync(join(tmpdir(), "load-env-"));

  it("adds the variables of .env that the environment does not set", () => {
    const path = join(dir, ".env");
    writeFileSync(path, '# comment\nCORPUS_DIR=/srv/corpus\nDATA_DIR=from-file\nEMPTY=\nQUOTED="a b"\n');
    const env: Record<string, string | undefined> = { DATA_DIR: "from-shell" };
    loadEnv(path, env);
    expect(env).toEqual({ CORPUS_DIR: "/srv/corpus", DATA_DIR: "from-shell", EMPTY: "", QUOTED: "a b" });
  });

  it("does nothing without a .env, and names an unreadable one", () => {
    const env = {};
    loadEnv(join(dir, "missing.env"), env);
    expect(env).toEqual({});
    const notFile = join(dir, "dir.env");
    mkdirSync(notFile);
    expect(() => loadEnv(notFile, {})).toThrow(/CONFIG_INVALID: .*dir\.env cannot be read \(EISDIR\)/);
  });
});
