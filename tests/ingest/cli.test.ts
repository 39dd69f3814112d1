import { describe, expect, it } from "vitest";
import { renderIngestLine } from "../../adapters/cli/ingest.js";
import { parseConfig } from "../../src/config.js";

// The ingest command run end to end, as a process, is in tests/cli/ingest.test.ts.
describe("cli ingest", () => {
  it("reads MAX_DOC_MB with a default of 20 and renders a renamed file", () => {
    expect(parseConfig({}).MAX_DOC_MB).toBe(20);
    expect(parseConfig({ MAX_DOC_MB: "" }).MAX_DOC_MB).toBe(20);
    expect(parseConfig({ MAX_DOC_MB: "0.5" }).MAX_DOC_MB).toBe(0.5);
    for (const bad of ["-1", "lots"])
      expect(() => parseConfig({ MAX_DOC_MB: bad })).toThrow(
        /CONFIG_INVALID: .*\n {2}MAX_DOC_MB: must be a positive number of megabytes/,
      );
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
