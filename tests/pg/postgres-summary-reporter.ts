import type { Reporter, TestModule } from "vitest/node";
import { PG_TAG } from "./pg-database.js";

/**
 * A line after vitest's summary: how many PostgreSQL backend tests (named with PG_TAG) ran, passed and were
 * skipped. With REQUIRE_POSTGRES=1 (CI) a run in which none of them ran fails.
 */
export default class PostgresSummaryReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const counts = { passed: 0, failed: 0, skipped: 0, pending: 0 };
    for (const m of modules)
      for (const t of m.children.allTests()) if (t.fullName.includes(PG_TAG)) counts[t.result().state] += 1;
    const ran = counts.passed + counts.failed;
    console.log(
      `PostgreSQL backend suites: ${ran} tests ran on PostgreSQL (${counts.passed} passed, ${counts.failed} failed), ${counts.skipped} skipped`,
    );
    if (process.env.REQUIRE_POSTGRES === "1" && ran === 0 && modules.length > 0) {
      console.log("PostgreSQL backend suites: REQUIRE_POSTGRES=1 but none ran — failing the run");
      process.exitCode = 1;
    }
  }
}
