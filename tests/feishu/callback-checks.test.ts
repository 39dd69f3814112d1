import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import * as lark from "@larksuiteoapi/node-sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callbackListener, feishuSignature } from "../../adapters/feishu/http-callback.js";
import { encryptBody } from "./callback-requests.js";
import { messageEvent } from "./fake-feishu.js";

const KEY = "encrypt-key-value";
const NOW = new Date("2026-03-05T08:00:00Z");
const got: unknown[] = [];
let server: Server;
let url: string;

beforeAll(async () => {
  const dispatcher = new lark.EventDispatcher({
    encryptKey: KEY,
    loggerLevel: lark.LoggerLevel.error,
  }).register({
    "im.message.receive_v1": async (data: unknown) => {
      got.push(data);
      return {};
    },
  });
  const listener = callbackListener(
    dispatcher,
    { verificationToken: "verify-token", encryptKey: KEY },
    {
      clock: () => NOW,
    },
  );
  server = createServer((req, res) => void listener(req, res));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/feishu/events`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

/** Posts a raw body, signed with `key` at `seconds` (Unix time) unless `key` is null. */
async function post(raw: string, key: string | null, seconds = NOW.getTime() / 1000): Promise<number> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (key !== null) {
    const ts = String(Math.floor(seconds));
    const nonce = randomBytes(8).toString("hex");
    headers["x-lark-request-timestamp"] = ts;
    headers["x-lark-request-nonce"] = nonce;
    headers["x-lark-signature"] = feishuSignature(ts, nonce, key, raw);
  }
  const res = await fetch(url, { method: "POST", headers, body: raw });
  await res.text();
  return res.status;
}

const encrypted = (body: unknown) => JSON.stringify({ encrypt: encryptBody(KEY, body) });

describe("Feishu HTTP callback with an Encrypt Key", () => {
  it("dispatches a signed, fresh event: its decrypted content", async () => {
    const before = got.length;
    expect(await post(encrypted(messageEvent("新增学位多少")), KEY)).toBe(200);
    expect(got.length).toBe(before + 1);
    expect(JSON.stringify(got.at(-1))).toContain("新增学位多少");
  });

  it("refuses an unsigned encrypted event with 401 and dispatches nothing", async () => {
    const before = got.length;
    expect(await post(encrypted(messageEvent("新增学位多少")), null)).toBe(401);
    expect(got.length).toBe(before);
  });

  it("refuses plain header/event spliced beside a replayed url_verification blob", async () => {
    const before = got.length;
    const captured = encryptBody(KEY, { type: "url_verification", token: "verify-token", challenge: "c-1" });
    const forged = { encrypt: captured, ...messageEvent("/digest off") };
    expect(await post(JSON.stringify(forged), null)).toBe(401);
    expect(got.length).toBe(before);
  });

  it("refuses a signed event whose timestamp is more than 5 minutes off this clock, either way", async () => {
    const before = got.length;
    const raw = encrypted(messageEvent("新增学位多少"));
    const now = NOW.getTime() / 1000;
    expect(await post(raw, KEY, now - 301)).toBe(401);
    expect(await post(raw, KEY, now + 301)).toBe(401);
    expect(await post(raw, KEY, now - 86_400)).toBe(401);
    expect(got.length).toBe(before);
  });

  it("still answers the unsigned, encrypted url_verification with its challenge", async () => {
    const res = await fetch(url, {
      method: "POST",
      body: encrypted({ type: "url_verification", token: "verify-token", challenge: "c-9" }),
    });
    expect(await res.json()).toEqual({ challenge: "c-9" });
  });
});
