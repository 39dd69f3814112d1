import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Health } from "../../adapters/health.js";
import { InFlight } from "../../adapters/in-flight.js";
import { startSlack } from "../../adapters/slack/start.js";
import { parseConfig } from "../../src/config.js";
import { createEngine, type Engine } from "../../src/engine.js";
import { openStore } from "../../src/store/open-store.js";
import { FakeSlack } from "./helpers/fake-slack.js";
import { startHarness } from "./helpers/harness.js";
import { eventBody, SECRET, send } from "./helpers/signed.js";

const TOKEN = "xoxb-111-222-SECRETtokenVALUE";
let engine: Engine;
let slack: FakeSlack;

beforeAll(async () => {
  engine = await createEngine({ corpusDir: "seeds" });
  slack = new FakeSlack();
  await slack.start();
});
afterAll(async () => slack?.stop());

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function config(apiUrl: string, port: number) {
  return parseConfig({
    SLACK_BOT_TOKEN: TOKEN,
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: apiUrl,
    PORT: String(port),
    STARTUP_TIMEOUT_SECONDS: "0.5",
    DATA_DIR: tmpdir(),
  });
}

const store = () => openStore(mkdtempSync(join(tmpdir(), "slack-start-")));

describe("Slack start-up", () => {
  it("an unreachable Web API fails the start with one line naming it (no unhandled rejection)", async () => {
    const down = await freePort();
    const url = `http://127.0.0.1:${down}/api/`;
    const error = await startSlack(engine, config(url, await freePort()), await store()).catch((e) => e);
    expect(String(error.message)).toBe(
      `PLATFORM_UNREACHABLE: Slack API unreachable at ${url}: ECONNREFUSED — check SLACK_API_URL / network`,
    );
    expect(String(error.message)).not.toContain(TOKEN);
  }, 15_000);

  it("a refused token is named as such", async () => {
    slack.answers.set("auth.test", { ok: false, error: "invalid_auth" });
    try {
      const error = await startSlack(engine, config(slack.apiUrl, await freePort()), await store()).catch(
        (e) => e,
      );
      expect(String(error.message)).toBe(
        "PLATFORM_REFUSED: Slack refused SLACK_BOT_TOKEN: invalid_auth — check the token (and SLACK_API_URL if set)",
      );
    } finally {
      slack.answers.delete("auth.test");
    }
  }, 15_000);

  it("a PORT in use fails the start with one line naming PORT", async () => {
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, resolve));
    const port = (busy.address() as { port: number }).port;
    try {
      const error = await startSlack(engine, config(slack.apiUrl, port), await store()).catch((e) => e);
      expect(String(error.message)).toMatch(
        new RegExp(`^CONFIG_INVALID: cannot listen on PORT ${port} \\(EADDRINUSE\\): another process`),
      );
    } finally {
      busy.close();
    }
  });

  it("over HTTP: one auth.test, then GET /healthz says 503 until ready and 200 after", async () => {
    const port = await freePort();
    const health = new Health();
    const before = slack.of("auth.test").length;
    const handle = await startSlack(engine, config(slack.apiUrl, port), await store(), { health });
    try {
      expect(handle.mode).toBe(`HTTP on port ${port}`);
      expect(slack.of("auth.test").length - before).toBe(1);
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(503);
      health.markReady(["slack"], port);
      const ready = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({ status: "ready", platforms: ["slack"] });
      health.markStopping();
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(503);
    } finally {
      await handle.stop();
      await handle.stop();
    }
  });
});

describe("replies under way", () => {
  it("are counted until their post is done, so a shutdown can wait for them", async () => {
    const inFlight = new InFlight();
    const h = await startHarness(engine, { retries: 2, minTimeout: 0, maxTimeout: 0 }, 3, undefined, {
      inFlight,
    });
    try {
      h.slack.rateLimitOnce.set("chat.postMessage", 1); // the reply waits a second for Retry-After
      const body = eventBody({
        type: "app_mention",
        user: "U1",
        text: "<@UBOT> 新增学位多少",
        ts: "9.9",
        channel: "C1",
      });
      expect(await send(h.url, body, "application/json")).toBe(200);
      await h.slack.waitFor("chat.postMessage:429");
      expect(inFlight.count).toBe(1);
      expect(await inFlight.idle(10_000)).toBe(true);
      expect(h.slack.of("chat.postMessage")).toHaveLength(1);
    } finally {
      await h.stop();
    }
  });
});
