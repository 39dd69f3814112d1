import pg from "pg";

/**
 * vitest globalSetup: says once whether the PostgreSQL backend suites run, and where. With REQUIRE_POSTGRES=1 (CI)
 * a missing or unreachable server fails the run rather than skipping the suites.
 */
export default async function setup(): Promise<void> {
  // Each vitest project runs the global setup; the line is said once per run.
  if (process.env.PFB_PG_SETUP_SAID) return;
  process.env.PFB_PG_SETUP_SAID = "1";
  const url = process.env.TEST_DATABASE_URL || "";
  const required = process.env.REQUIRE_POSTGRES === "1";
  if (!url) {
    if (required) throw new Error("REQUIRE_POSTGRES=1 but TEST_DATABASE_URL is not set");
    console.log(
      "PostgreSQL backend suites: SKIPPED (no TEST_DATABASE_URL) — `scripts/pg-cluster.sh start` starts a throw-away server and prints the URL to export",
    );
    return;
  }
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    const r = await client.query<{ server_version: string }>("SHOW server_version");
    console.log(
      `PostgreSQL backend suites: running on PostgreSQL ${r.rows[0]?.server_version} (${new URL(url).host})`,
    );
  } catch (e) {
    throw new Error(
      `PostgreSQL at ${new URL(url).host} is not reachable for the backend suites: ${(e as Error).message}`,
    );
  } finally {
    await client.end().catch(() => {});
  }
}
