import { configDefaults, defineConfig } from "vitest/config";

/**
 * Two tiers: `npm test` runs both, `npm run test:fast` only `fast`, `npm run test:slow` only `slow`.
 *
 * A test file is fast unless it matches one of these patterns. Slow means it starts a process, a worker
 * thread or a server (seconds of start-up each), or waits on a real clock. A new file lands in `fast`:
 * name it `*.slow.test.ts`, or list it here, when it does any of that.
 */
const SLOW = [
  "tests/cli/{cli,explain,ingest}.test.ts", // the CLI run as a child process (sources.test.ts runs in process)
  "tests/telegram/**/*.test.ts", // grammY against a fake Bot API on 127.0.0.1 (real retry waits)
  "tests/slack/**/*.test.ts", // Bolt against a fake Slack API and signed HTTP requests
  "tests/**/*-digest.test.ts", // digests delivered through the fake Telegram and Slack servers
  "tests/**/*.slow.test.ts", // anything else: `npm start` as a process, the index built on a worker thread
];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // Says whether the PostgreSQL backend suites run (tests/pg/pg-database.ts); REQUIRE_POSTGRES=1 makes a skip fail.
    globalSetup: ["tests/pg/pg-setup.ts"],
    // vitest's own summary, then how many PostgreSQL backend tests ran (CI's proof that the suite was not skipped).
    reporters: ["default", "./tests/pg/postgres-summary-reporter.ts"],
    projects: [
      {
        extends: true,
        test: {
          name: "fast",
          include: ["tests/**/*.test.ts"],
          exclude: [...configDefaults.exclude, ...SLOW],
          // Fast files leave no global state behind; sharing one process spares each file loading
          // jieba's dictionaries again (about 1 s a file, two thirds of this tier's time).
          isolate: false,
        },
      },
      { extends: true, test: { name: "slow", include: SLOW } },
    ],
  },
});
