import { afterEach, describe, expect, it, vi } from "vitest";
import { type DingTalkHandle, startDingTalk } from "../../adapters/dingtalk/start.js";
import { parseConfig } from "../../src/config.js";
import { createEngine } from "../../src/engine.js";
import { capturedLog } from "../digest/helpers.js";
import { CLIENT_ID, CLIENT_SECRET, FakeDingTalk } from "./fake-dingtalk.js";

const engine = await createEngine({ corpusDir: "seeds" });
const POLICY = { firstDelayMs: 20, maxDelayMs: 80, maxAttempts: 4 };
const running: Array<{ fake: FakeDingTalk; handle: DingTalkHandle }> = [];

async function start() {
  const fake = await new FakeDingTalk().start();
  const config = parseConfig({
    DINGTALK_CLIENT_ID: CLIENT_ID,
    DINGTALK_CLIENT_SECRET: CLIENT_SECRET,
    DINGTALK_API_URL: fake.url,
    STARTUP_TIMEOUT_SECONDS: "10",
  });
  const failures: string[] = [];
  const { log, text } = capturedLog("info");
  const handle = await startDingTalk(engine, config, null, {
    log,
    reconnect: POLICY,
    onFailure: (line) => failures.push(line),
  });
  running.push({ fake, handle });
  return { fake, handle, failures, text };
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Waits (vitest's waitFor) until the check holds. */
const until = (check: () => boolean) =>
  vi.waitFor(() => expect(check()).toBe(true), { timeout: 10_000, interval: 10 });

afterEach(async () => {
  for (const r of running.splice(0)) {
    await r.handle.stop();
    await r.fake.stop();
  }
  vi.restoreAllMocks();
});

describe("DingTalk stream reconnects", () => {
  it("opens a dropped stream again, one attempt at a time", async () => {
    const { fake } = await start();
    expect(fake.gatewayRequests()).toBe(1);
    fake.dropStreams();
    await until(() => fake.gatewayRequests() === 2 && fake.connected);
    await wait(300);
    expect(fake.gatewayRequests()).toBe(2);
  });

  it("gives up after the policy's attempts, once, with onFailure (no storm: one request per attempt)", async () => {
    const { fake, failures, text } = await start();
    fake.refuseSockets();
    await until(() => failures.length > 0);
    await wait(400);
    expect(fake.gatewayRequests()).toBe(1 + POLICY.maxAttempts);
    expect(failures).toEqual([expect.stringMatching(/dingtalk stream lost: 4 attempts to reconnect failed/)]);
    expect(text()).toContain("attempt 1 to reconnect failed");
  });

  it("tries nothing after stop", async () => {
    const { fake, handle, failures } = await start();
    fake.refuseSockets();
    await handle.stop();
    await wait(500);
    expect(fake.gatewayRequests()).toBe(1);
    expect(failures).toEqual([]);
  });

  it("prints nothing to stdout: the SDK's connect and disconnect lines go to the log or nowhere", async () => {
    const info = vi.spyOn(console, "info");
    const warn = vi.spyOn(console, "warn");
    const { handle, text } = await start();
    await handle.stop();
    expect(info).not.toHaveBeenCalled();
    expect(warn).not.toHaveBeenCalled();
    expect(text()).toContain("dingtalk stream connected");
  });
});
