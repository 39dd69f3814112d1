import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runHealth } from "../../adapters/cli/health.js";
import { HEARTBEAT_MS, Health, healthFile, startHeartbeat } from "../../adapters/health.js";
import { serveHealth } from "../../adapters/health-http.js";

const servers: Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await new Promise((r) => s.close(r));
});

/** Runs `cli health` at `now`, capturing what it prints. */
async function check(dataDir: string, now: Date, args: string[] = []) {
  let out = "";
  const code = await runHealth(
    args,
    { DATA_DIR: dataDir },
    { out: { write: (t: string) => (out += t) }, now: () => now },
  );
  return { code, out };
}

describe("heartbeat file", () => {
  it("is written at once, says starting until ready, and is removed by stop()", () => {
    const dir = mkdtempSync(join(tmpdir(), "health-"));
    const health = new Health(() => new Date("2026-01-01T00:00:00Z"));
    const beat = startHeartbeat(health, healthFile(dir), () => {});
    expect(JSON.parse(readFileSync(healthFile(dir), "utf8"))).toMatchObject({
      phase: "starting",
      ready: false,
    });
    health.markReady(["telegram (polling)"], null);
    beat.beat();
    expect(JSON.parse(readFileSync(healthFile(dir), "utf8"))).toMatchObject({
      pid: process.pid,
      phase: "ready",
      ready: true,
      platforms: ["telegram (polling)"],
      heartbeat: "2026-01-01T00:00:00.000Z",
    });
    beat.stop();
    expect(existsSync(healthFile(dir))).toBe(false);
  });

  it("a write that fails is logged once, not thrown", () => {
    const lines: string[] = [];
    const beat = startHeartbeat(new Health(), join(tmpdir(), "no-such-dir", "health.json"), (l) =>
      lines.push(l),
    );
    beat.beat();
    beat.stop();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^heartbeat not written to .*health\.json: ENOENT/);
  });
});

describe("npm run cli -- health", () => {
  const now = new Date("2026-01-01T00:00:10Z");
  const ready = (dir: string, at: Date, pid = process.pid, httpPort: number | null = null) => {
    const health = new Health(() => at);
    health.markReady(["telegram (polling)"], httpPort);
    writeFileSync(healthFile(dir), JSON.stringify({ ...health.state(), pid }));
  };

  it("exits 0 for a live, ready process with a recent heartbeat", async () => {
    const dir = mkdtempSync(join(tmpdir(), "health-"));
    ready(dir, new Date(now.getTime() - HEARTBEAT_MS));
    const r = await check(dir, now);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`ok: ready, pid ${process.pid}`);
    expect(r.out).toContain("platforms: telegram (polling)");
  });

  it.each([
    ["no heartbeat file", (_dir: string) => {}, /not ok: not running: no heartbeat at/],
    [
      "a stale heartbeat",
      (dir: string) => ready(dir, new Date(now.getTime() - 60_000)),
      /last heartbeat 60 s ago/,
    ],
    ["a dead process", (dir: string) => ready(dir, now, 2 ** 22 + 7), /process \d+ is not running/],
  ])("exits 1 for %s, saying why", async (_what, setup, why) => {
    const dir = mkdtempSync(join(tmpdir(), "health-"));
    setup(dir);
    const r = await check(dir, now);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(why);
  });

  it("also asks GET /healthz when the bot serves HTTP, and fails on a 503", async () => {
    const health = new Health();
    const server = createServer((req, res) => {
      if (!serveHealth(req, res, health)) res.writeHead(404).end();
    });
    servers.push(server);
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const port = (server.address() as AddressInfo).port;
    const dir = mkdtempSync(join(tmpdir(), "health-"));
    ready(dir, now, process.pid, port);
    const starting = await check(dir, now);
    expect(starting.code).toBe(1);
    expect(starting.out).toContain(`problem: GET http://127.0.0.1:${port}/healthz: 503`);
    health.markReady(["slack (HTTP on port 3000)"], port);
    const r = await check(dir, now, ["--json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({
      ok: true,
      problems: [],
      http: `GET http://127.0.0.1:${port}/healthz: 200`,
    });
  });

  it("an unknown flag is a usage error (exit 2)", async () => {
    const r = await check(mkdtempSync(join(tmpdir(), "health-")), now, ["--verbose"]);
    expect(r.code).toBe(2);
  });
});
