import type { StoreProblem } from "../store-problem.js";

/** DATABASE_URL as it may be logged: the password left out. */
export function redactedUrl(url: string): string {
  try {
    const u = new URL(url);
    u.password = "";
    return u.toString();
  } catch {
    return "DATABASE_URL (not a valid URL)";
  }
}

/** The server and database a URL names, for the fix lines. */
function target(url: string): { host: string; db: string } {
  try {
    const u = new URL(url);
    return { host: u.host || "localhost", db: decodeURIComponent(u.pathname.slice(1)) || "postgres" };
  } catch {
    return { host: "the server", db: "the database" };
  }
}

/** What to do, by the error's code (a node errno, or PostgreSQL's SQLSTATE); the first match wins. */
const FIXES: Array<[RegExp, (t: { host: string; db: string }) => string]> = [
  [
    /^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|ETIMEDOUT|ECONNRESET|TIMEOUT)$/,
    (t) =>
      `nothing answers at ${t.host} — start PostgreSQL there or correct the host and port in DATABASE_URL`,
  ],
  [
    /^(28P01|28000)$/,
    () =>
      "the server refused the user or password in DATABASE_URL — correct them (or the server's pg_hba.conf)",
  ],
  [
    /^3D000$/,
    (t) =>
      `database "${t.db}" does not exist on ${t.host} — create it (createdb ${t.db}) or correct the database name in DATABASE_URL`,
  ],
  [
    /^42501$/,
    () =>
      "the user in DATABASE_URL may not change the schema (a migration is due) — run `npm run cli -- migrate` as the database owner, or grant the user CREATE on the database",
  ],
];

/**
 * Why a PostgreSQL store could not be opened: always "unavailable", with a fix line naming DATABASE_URL that ends
 * with `then` (the bot restarts; the CLI runs the command again).
 */
export function classifyPostgresError(url: string, e: unknown, then = "then restart"): StoreProblem {
  const raw = String((e as { code?: unknown }).code ?? "");
  const message = e instanceof Error ? e.message : String(e);
  const code = raw || (/timeout/i.test(message) ? "TIMEOUT" : "");
  const found = FIXES.find(([re]) => re.test(code));
  const what = found
    ? found[1](target(url))
    : `the PostgreSQL store at ${redactedUrl(url)} cannot be used — check DATABASE_URL and the server`;
  return {
    code: "unavailable",
    file: redactedUrl(url),
    detail: raw && !message.startsWith(raw) ? `${raw}: ${message}` : message || raw,
    fix: `${what}, ${then}`,
  };
}
