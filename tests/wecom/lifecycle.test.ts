import { afterEach, describe, expect, it, vi } from "vitest";
import { InFlight } from "../../adapters/in-flight.js";
import { startWeCom, type WeComHandle } from "../../adapters/wecom/start.js";
import { parseConfig } from "../../src/config.js";
import { createEngine, type Engine } from "../../src/engine.js";
import { capturedLog } from "../digest/helpers.js";
import { BOT_ID, BOT_SECRET, FakeWeCom, textMessage } from "./fake-wecom.js";

const engine = await createEngine({ corpusDir: "seeds" });
const running: Array<{ fake: FakeWeCom; handle: WeComHandle }> = [];

async function start(e: Engine = engine, inFlight?: InFlight, env: Record<string, string> = {}) {
  const fake = await new FakeWeCom().start();
  const config = parseConfig({
    WECOM_BOT_ID: BOT_ID,
    WECOM_BOT_SECRET: BOT_SECRET,
    WECOM_WS_URL: fake.url,
    ...env,
  });
  const failures: string[] = [];
  const { log } = capturedLog("info");
  const handle = await startWeCom(e, config, null, {
    log,
    onFailure: (line) => failures.push(line),
    ...(inFlight ? { inFlight } : {}),
  });
  running.push({ fake, handle });
  return { fake, handle, failures };
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
});

describe("WeCom long connection after the start", () => {
  it("stops the process when WeCom hands the bot to a newer connection (the SDK does not reconnect then)", async () => {
    const { fake, failures } = await start();
    fake.replaceConnection();
    await until(() => failures.length > 0);
    expect(failures).toEqual([expect.stringMatching(/closed and not reopened: New connection established/)]);
  });

  it("stops the process when a reconnect's authentication is refused, and not for a drop it recovers from", async () => {
    const { fake, failures } = await start();
    fake.dropAll();
    await until(() => fake.frames.filter((f) => f.cmd === "aibot_subscribe").length === 2);
    await wait(200);
    expect(failures).toEqual([]);
    fake.refuseAuthAndDrop();
    await until(() => failures.length > 0);
    await wait(200);
    expect(failures).toEqual([expect.stringMatching(/wecom long connection/)]);
  });

  it("reports nothing when it is stopped", async () => {
    const { handle, failures } = await start();
    await handle.stop();
    await wait(300);
    expect(failures).toEqual([]);
  });

  it("a graceful stop still delivers the reply under way, and takes no new message", async () => {
    const slow = {
      ...engine,
      ask: async (...args: Parameters<Engine["ask"]>) => {
        await wait(500);
        return engine.ask(...args);
      },
    } as Engine;
    const inFlight = new InFlight();
    const { fake, handle } = await start(slow, inFlight);
    fake.push(textMessage("新增学位多少"));
    await until(() => inFlight.count > 0);
    const stopped = handle.stop();
    fake.push(textMessage("学位多少"));
    await stopped;
    expect(fake.replies().map((r) => r.content)).toEqual([expect.stringContaining("27.8万个")]);
  });

  it("stops waiting for the replies under way when the shutdown gives up, rather than for its own full bound", async () => {
    const stuck = { ...engine, ask: () => new Promise(() => {}) } as unknown as Engine;
    const inFlight = new InFlight();
    // Its own bound is 10 minutes: only the shutdown's signal can end the wait within the test.
    const { fake, handle } = await start(stuck, inFlight, { SHUTDOWN_TIMEOUT_SECONDS: "600" });
    fake.push(textMessage("新增学位多少"));
    await until(() => inFlight.count > 0);
    const giveUp = new AbortController();
    let done = false;
    const stopped = handle.stop(giveUp.signal).then(() => {
      done = true;
    });
    await wait(100);
    expect(done).toBe(false);
    giveUp.abort();
    await stopped;
    expect(done).toBe(true);
  });
});
