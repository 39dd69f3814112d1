import { createServer } from "node:net";
import { describe, expect, it } from "vitest";
import { openStoreSafely } from "../../adapters/open-store.js";
import { tryOpenStore } from "../../src/store/open-store.js";
import { describeStoreProblem } from "../../src/store/store-problem.js";
import { tempDataDir } from "../digest/helpers.js";
import { describePg, PG_URL } from "../pg/pg-database.js";

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe("a PostgreSQL store that cannot be used", () => {
  it("no server at DATABASE_URL: 'unavailable', one line naming DATABASE_URL, no password, and the bot answers on", async () => {
    const url = `postgres://bot:s3cret@127.0.0.1:${await freePort()}/policy`;
    const opening = await tryOpenStore(tempDataDir(), { databaseUrl: url });
    expect(opening).toMatchObject({ kind: "unavailable", problem: { code: "unavailable" } });
    if (opening.kind !== "unavailable") return;
    const line = describeStoreProblem(opening.problem);
    expect(line).toMatch(/answering works.*nothing answers at 127\.0\.0\.1:\d+ .*DATABASE_URL/);
    expect(line).toContain("ECONNREFUSED");
    expect(line).not.toContain("s3cret");
    const logs: string[] = [];
    const config = { DATA_DIR: tempDataDir(), DATABASE_URL: url };
    expect(await openStoreSafely(config, [], (l) => logs.push(l))).toBeNull();
    expect(logs).toEqual([line]);
  });
});

describePg("a PostgreSQL store that cannot be used", () => {
  it("a database that does not exist: says to create it or correct DATABASE_URL", async () => {
    const url = new URL(PG_URL);
    url.pathname = "/pfb_no_such_database";
    const opening = await tryOpenStore("", { databaseUrl: url.toString() });
    expect(opening.kind).toBe("unavailable");
    if (opening.kind !== "unavailable") return;
    expect(describeStoreProblem(opening.problem)).toMatch(
      /database "pfb_no_such_database" does not exist .*createdb pfb_no_such_database.*DATABASE_URL.*3D000/,
    );
  });

  it("a user the server does not know: says to correct the user or password", async () => {
    const url = new URL(PG_URL);
    url.username = "pfb_no_such_user";
    url.password = "wrong";
    const opening = await tryOpenStore("", { databaseUrl: url.toString() });
    expect(opening.kind).toBe("unavailable");
    if (opening.kind !== "unavailable") return;
    const line = describeStoreProblem(opening.problem);
    expect(line).toMatch(/refused the user or password in DATABASE_URL/);
    expect(line).not.toContain("wrong@");
  });
});
