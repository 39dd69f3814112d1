import { describe, expect, it } from "vitest";
import { parseMaxDocMb, renderIngestLine } from "../../adapters/cli/ingest.js";

// The ingest command run end to end, as a process, is in tests/cli/ingest.test.ts.
describe("cli ingest", () => {
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
