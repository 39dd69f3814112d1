import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/engine.js";
import { createEngine } from "../../src/engine.js";
import { postCallback } from "./callback-requests.js";
import { cardAction, FakeFeishu, messageEvent } from "./fake-feishu.js";
import { type FeishuHarness, settle, startFeishuHarness } from "./harness.js";

const KEY = "encrypt-key-value";
let engine: Engine;
let fake: FakeFeishu;
let plain: FeishuHarness;
let encrypted: FeishuHarness;

async function callbackUrl(h: FeishuHarness): Promise<string> {
  const port = Number(/port (\d+)/.exec(h.handle.mode)?.[1]);
  return `http://127.0.0.1:${port}/feishu/events`;
}

beforeAll(async () => {
  engine = await createEngine({ corpusDir: "seeds" });
  fake = await new FakeFeishu().start();
  const free = async () => {
    const { createServer } = await import("node:net");
    const s = createServer();
    await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
    const port = (s.address() as AddressInfo).port;
    await new Promise((r) => s.close(r));
    return String(port);
  };
  plain = await startFeishuHarness(engine, { FEISHU_VERIFY_TOKEN: "verify-token", PORT: await free() }, fake);
  encrypted = await startFeishuHarness(
    engine,
    { FEISHU_VERIFY_TOKEN: "verify-token", FEISHU_ENCRYPT_KEY: KEY, PORT: await free() },
    fake,
  );
});
afterAll(async () => {
  await plain?.stop();
  await encrypted?.stop();
  await fake?.stop();
});

describe("Feishu HTTP event callback", () => {
  it("answers the url_verification challenge when the token matches, 401 otherwise", async () => {
    const url = await callbackUrl(plain);
    const ok = await postCallback(url, {
      type: "url_verification",
      token: "verify-token",
      challenge: "c-123",
    });
    expect(ok).toEqual({ status: 200, body: { challenge: "c-123" } });
    const bad = await postCallback(url, { type: "url_verification", token: "guess", challenge: "c-123" });
    expect(bad.status).toBe(401);
    expect(plain.logText()).toContain("without FEISHU_ENCRYPT_KEY");
    expect(encrypted.logText()).not.toContain("without FEISHU_ENCRYPT_KEY");
  });

  it("answers a question event with a card, and refuses an event with a wrong token", async () => {
    const url = await callbackUrl(plain);
    const before = fake.sent().length;
    expect((await postCallback(url, messageEvent("新增学位多少"))).status).toBe(200);
    const sent = (await fake.waitForSent(before + 1))[before];
    expect(sent?.text).toContain("**27.8万个**");
    const forged = messageEvent("新增学位多少");
    forged.header.token = "guess";
    expect((await postCallback(url, forged)).status).toBe(401);
    await settle();
    expect(fake.sent().length).toBe(before + 1);
  });

  it("decrypts an encrypted, signed event; refuses a bad signature and an unencrypted body", async () => {
    const url = await callbackUrl(encrypted);
    const challenge = await postCallback(
      url,
      { type: "url_verification", token: "verify-token", challenge: "c-9" },
      { encryptKey: KEY, unsigned: true },
    );
    expect(challenge.body).toEqual({ challenge: "c-9" });
    const before = fake.sent().length;
    expect(
      (await postCallback(url, messageEvent("核实 全市新增学位28万个"), { encryptKey: KEY })).status,
    ).toBe(200);
    expect((await fake.waitForSent(before + 1))[before]?.text).toContain("说法数值");
    const badSig = await postCallback(url, messageEvent("新增学位多少"), {
      encryptKey: KEY,
      signWith: "other",
    });
    expect(badSig.status).toBe(401);
    expect((await postCallback(url, messageEvent("新增学位多少"))).status).toBe(401);
    await settle();
    expect(fake.sent().length).toBe(before + 1);
  });

  it("answers a card action with its toast in the HTTP response", async () => {
    const url = await callbackUrl(plain);
    const res = await postCallback(url, cardAction({ a: "up", id: "gone", i: 0 }));
    expect(res).toEqual({ status: 200, body: { toast: { type: "warning", content: "已过期，请重新提问" } } });
  });

  it("refuses a body over 1 MiB with 413 and serves nothing but its path", async () => {
    const url = await callbackUrl(plain);
    const big = await fetch(url, { method: "POST", body: "x".repeat(1024 * 1024 + 1) });
    expect(big.status).toBe(413);
    expect(
      (await fetch(url.replace("/feishu/events", "/other"), { method: "POST", body: "{}" })).status,
    ).toBe(404);
  });
});
