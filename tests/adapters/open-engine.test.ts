import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeStartup, openEngine, snapshotPath } from "../../adapters/open-engine.js";
import { parseConfig } from "../../src/config.js";
import { livePassageCount } from "../../src/index/document-tables.js";

let dataDir: string;
beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), "open-engine-"));
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe("openEngine", () => {
  it("holds corpus files to MAX_DOC_MB, as ingest does", async () => {
    const config = parseConfig({
      CORPUS_DIR: "seeds",
      DATA_DIR: mkdtempSync(join(tmpdir(), "open-engine-")),
      MAX_DOC_MB: "0.025", // about 26 KB: the three seed articles over it are left out
    });
    const engine = await openEngine(config);
    expect(engine.skipped.length).toBe(3);
    expect(engine.skipped.every((s) => s.reason.startsWith("TOO_LARGE"))).toBe(true);
    expect(engine.documents.docs.size + engine.skipped.length).toBe(5);
  });

  it("builds from the files and writes the snapshot, then starts from it; the start-up line says which", async () => {
    const config = parseConfig({ CORPUS_DIR: "seeds", DATA_DIR: dataDir });
    const built = await openEngine(config);
    expect(built.startup.from).toBe("files");
    expect(built.startup.buildMs).toBeGreaterThan(0);
    expect(built.startup.snapshotWriteMs).toBeGreaterThan(0);
    expect(describeStartup(built)).toMatch(
      /^index: [\d,]+ passages from 5 documents, built in \d+\.\d s \(snapshot written in \d+\.\d s\)$/,
    );
    const again = await openEngine(config);
    expect(again.startup.from).toBe("snapshot");
    expect(again.startup.buildMs).toBe(0);
    expect(livePassageCount(again.documents)).toBe(livePassageCount(built.documents));
    expect(describeStartup(again)).toMatch(
      /^index: [\d,]+ passages from 5 documents, read from the snapshot in/,
    );
    expect(snapshotPath(config)).toBe(join(dataDir, "index-snapshot.bin"));
  });
});
