import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { AESCipher, type EventDispatcher } from "@larksuiteoapi/node-sdk";
import type { Health } from "../health.js";
import { serveHealth } from "../health-http.js";
import { readBoundedBody, sameSecret } from "../http-request.js";
import type { Log } from "../log.js";
import { listenError } from "../port-error.js";

/** The callback endpoint: its path, and the largest body read (Feishu's events are a few KB). */
export const FEISHU_CALLBACK = { path: "/feishu/events", maxBodyBytes: 1024 * 1024 } as const;

/** What checks a callback: the Verification Token every body carries, and the Encrypt Key when one is set. */
export interface CallbackSecrets {
  verificationToken: string;
  encryptKey?: string;
}

/** Feishu's signature of an encrypted callback: sha256(timestamp + nonce + encrypt key + raw body), hex. */
export function feishuSignature(timestamp: string, nonce: string, key: string, body: string): string {
  return createHash("sha256")
    .update(timestamp + nonce + key + body)
    .digest("hex");
}

function header(req: IncomingMessage, name: string): string {
  const v = req.headers[name];
  return typeof v === "string" ? v : "";
}

type Checked = { status: number } | { data: Record<string, unknown> };

/** How far a signed request's X-Lark-Request-Timestamp may be from our clock, either way (as Slack's rule). */
export const FEISHU_REQUEST_WINDOW_SECONDS = 5 * 60;

function parseObject(raw: string): Record<string, unknown> | null {
  try {
    const v: unknown = JSON.parse(raw);
    return typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Whether the request carries a valid signature of `raw` made within the window around `now`. */
function signedNow(req: IncomingMessage, raw: string, key: string, now: Date): boolean {
  const ts = header(req, "x-lark-request-timestamp");
  const signed = header(req, "x-lark-signature");
  if (!signed || !/^\d+$/.test(ts)) return false;
  if (Math.abs(now.getTime() / 1000 - Number(ts)) > FEISHU_REQUEST_WINDOW_SECONDS) return false;
  return sameSecret(signed, feishuSignature(ts, header(req, "x-lark-request-nonce"), key, raw));
}

/**
 * An encrypted body: nothing but `encrypt` (a plain field beside it would be unchecked), decrypted, and signed
 * within the window unless it is a url_verification (Feishu sends that one unsigned; it only echoes a challenge).
 */
function checkEncrypted(
  req: IncomingMessage,
  raw: string,
  body: Record<string, unknown>,
  key: string,
  now: Date,
) {
  if (typeof body.encrypt !== "string" || Object.keys(body).length !== 1) return { status: 401 };
  let data: Record<string, unknown> | null;
  try {
    data = parseObject(new AESCipher(key).decrypt(body.encrypt));
  } catch {
    return { status: 400 };
  }
  if (data === null) return { status: 400 };
  if (data.type !== "url_verification" && !signedNow(req, raw, key, now)) return { status: 401 };
  return { data };
}

/**
 * A callback body checked: with an Encrypt Key, encrypted and (events) signed within 5 minutes of `now` (401
 * otherwise); valid JSON (400); carrying the Verification Token (401). `data` is the checked content, decrypted.
 */
export function checkCallback(req: IncomingMessage, raw: string, s: CallbackSecrets, now: Date): Checked {
  const body = parseObject(raw);
  if (body === null) return { status: 400 };
  const checked = s.encryptKey ? checkEncrypted(req, raw, body, s.encryptKey, now) : { data: body };
  if ("status" in checked) return checked;
  const { data } = checked;
  const token = (data.header as { token?: unknown } | undefined)?.token ?? data.token;
  return sameSecret(token, s.verificationToken) ? { data } : { status: 401 };
}

/** What the listener needs besides the secrets: the process's health, and a clock (the system's by default). */
export interface CallbackOptions {
  health?: Health;
  clock?: () => Date;
}

function reply(res: ServerResponse, status: number, body?: unknown): void {
  const headers = body === undefined ? { connection: "close" } : { "content-type": "application/json" };
  res.writeHead(status, headers).end(body === undefined ? undefined : JSON.stringify(body));
}

/**
 * The request listener: GET /healthz, then POST /feishu/events checked (checkCallback) before anything is
 * handled; a url_verification is answered with its challenge, an event or card action by the dispatcher (its
 * handlers acknowledge at once and answer later).
 */
export function callbackListener(dispatcher: EventDispatcher, s: CallbackSecrets, o: CallbackOptions = {}) {
  const clock = o.clock ?? (() => new Date());
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (serveHealth(req, res, o.health)) return;
    if ((req.url ?? "").split("?")[0] !== FEISHU_CALLBACK.path) return reply(res, 404);
    if (req.method !== "POST") return reply(res, 405);
    const raw = await readBoundedBody(req, FEISHU_CALLBACK.maxBodyBytes);
    if (raw === null) return reply(res, 413);
    const checked = checkCallback(req, raw.toString("utf8"), s, clock());
    if ("status" in checked) return reply(res, checked.status);
    if (checked.data.type === "url_verification")
      return reply(res, 200, { challenge: checked.data.challenge });
    // Only the checked content is dispatched (decrypted: the dispatcher has nothing left to decrypt or trust).
    const withHeaders = Object.assign(Object.create({ headers: req.headers }), checked.data);
    const result = await dispatcher.invoke(withHeaders, { needCheck: false });
    reply(res, 200, typeof result === "object" && result !== null ? result : {});
  };
}

/** Serves the callback on `port`; a handler failing before its acknowledgement gets a 500 (Feishu retries). */
export async function listenCallback(
  dispatcher: EventDispatcher,
  port: number,
  s: CallbackSecrets,
  o: CallbackOptions & { log: Log; host?: string },
): Promise<Server> {
  if (!s.encryptKey)
    o.log.warn(
      "feishu callback without FEISHU_ENCRYPT_KEY: requests are not signed, so a forged request carrying the " +
        "Verification Token cannot be told from Feishu's; set the Encrypt Key (开发者后台 → 事件与回调 → 加密策略)",
    );
  const onRequest = callbackListener(dispatcher, s, o);
  const server = createServer((req, res) => {
    onRequest(req, res).catch((e: Error) => {
      o.log.error({ err: e }, `feishu callback failed: ${e.message}`);
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", (e) => reject(listenError(e, port)));
    server.listen(port, o.host, () => resolve());
  });
  return server;
}
