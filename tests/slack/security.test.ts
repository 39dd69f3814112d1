import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEngine, type Engine } from "../../src/engine.js";
import { type Harness, settle, startHarness } from "./helpers/harness.js";
import { eventBody, send } from "./helpers/signed.js";

const JSON_TYPE = "application/json";
let engine: Engine;
let h: Harness;

beforeAll(async () => {
  engine = await createEngine({ corpusDir: "seeds" });
  h = await startHarness(engine);
});
afterAll(async () => h?.stop());

const event = () =>
  eventBody({ type: "app_mention", user: "U1", text: "<@UBOT> 新增学位多少", ts: "1.1", channel: "C1" });

describe("request signature verification", () => {
  it("rejects an unsigned request with 401 and posts nothing", async () => {
    expect(await send(h.url, event(), JSON_TYPE, { unsigned: true })).toBe(401);
    await settle();
    expect(h.slack.of("chat.postMessage")).toHaveLength(0);
  });

  it("rejects a bad signature with 401 and posts nothing", async () => {
    expect(await send(h.url, event(), JSON_TYPE, { secret: "wrong" })).toBe(401);
    await settle();
    expect(h.slack.of("chat.postMessage")).toHaveLength(0);
  });

  it("rejects a timestamp older than five minutes with 401 and posts nothing", async () => {
    const ts = Math.floor(Date.now() / 1000) - 6 * 60;
    expect(await send(h.url, event(), JSON_TYPE, { ts })).toBe(401);
    await settle();
    expect(h.slack.of("chat.postMessage")).toHaveLength(0);
  });

  it("rejects a timestamp ten minutes in the future with 401 and posts nothing", async () => {
    const ts = Math.floor(Date.now() / 1000) + 10 * 60;
    expect(await send(h.url, event(), JSON_TYPE, { ts })).toBe(401);
    await settle();
    expect(h.slack.of("chat.postMessage")).toHaveLength(0);
  });

  it("accepts a timestamp a minute either way (clocks drift)", async () => {
    for (const skew of [-60, 60]) {
      const ts = Math.floor(Date.now() / 1000) + skew;
      expect(await send(h.url, event(), JSON_TYPE, { ts })).toBe(200);
    }
    await h.slack.waitFor("chat.postMessage", 2);
  });

  it("accepts the same event correctly signed", async () => {
    expect(await send(h.url, event(), JSON_TYPE)).toBe(200);
    await h.slack.waitFor("chat.postMessage", 1);
  });
});

describe("transport choice", () => {
  it("uses Socket Mode (no HTTP listener) when an app token is set", async () => {
    const { SocketModeReceiver } = await import("@slack/bolt");
    const { createSlackApp } = await import("../../adapters/slack/app.js");
    const authCalls = h.slack.of("auth.test").length;
    const app = createSlackApp(engine, {
      token: "xoxb-test",
      appToken: "xapp-test",
      store: h.store,
      clientOptions: { slackApiUrl: h.slack.apiUrl, retryConfig: { retries: 0 } },
    });
    expect((app as unknown as { receiver: unknown }).receiver).toBeInstanceOf(SocketModeReceiver);
    await h.slack.waitFor("auth.test", authCalls + 1);
    await settle(100);
  });
});
