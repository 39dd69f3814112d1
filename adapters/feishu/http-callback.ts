import { createHash, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { AESCipher, type EventDispatcher } from "@larksuiteoapi/node-sdk";
import type { Health } from "../health.js";
import { serveHealth } from "../health-http.js";
import type { Log } from "../log.js";
import { listenError } from "../port-error.js";

/** The callback endpoint: its path, and the largest body read (Feishu's events are a few KB). */
export const FEISHU_CALLBACK = { path: "/feishu/events", maxBodyBytes: 1024 * 1024 } as const;

/** What checks a callback: the Verification Token every body carries, and the Encrypt Key when one is set. */
export interface CallbackSecrets {
  verificationToken: string;
  encryptKey?: string;
}

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  if (Number(req.headers["content-length"] ?? 0) > limit) return null;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Equal strings, compared in constant time (over SHA-256 digests, so the length is no tell either). */
function same(a: unknown, b: string): boolean {
  if (typeof a !== "string") return false;
  const digest = (s: string) => createHash("sha256").update(s, "utf8").digest();
  return timingSafeEqual(digest(a), digest(b));
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

type Checked = { status: number } | { body: Record<string, unknown>; data: Record<string, unknown> };

/**
 * A callback body checked: signed and encrypted when an Encrypt Key is set (401 otherwise), valid JSON (400),
 * and carrying the Verification Token (401). `body` is what Feishu sent, `data` its decrypted content.
 */
export function checkCallback(req: IncomingMessage, raw: string, s: CallbackSecrets): Checked {
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(raw) as Record<string, unknown>;
  } catch {
    return { status: 400 };
  }
  let data = body;
  if (s.encryptKey) {
    const ts = header(req, "x-lark-request-timestamp");
    const nonce = header(req, "x-lark-request-nonce");
    const signed = header(req, "x-lark-signature");
    // The url_verification of an encrypted callback comes unsigned; every event is signed.
    if (signed && !same(signed, feishuSignature(ts, nonce, s.encryptKey, raw))) return { status: 401 };
    if (typeof body.encrypt !== "string") return { status: 401 };
    try {
      data = JSON.parse(new AESCipher(s.encryptKey).decrypt(body.encrypt)) as Record<string, unknown>;
    } catch {
      return { status: 400 };
    }
  }
  const token = (data.header as { token?: unknown } | undefined)?.token ?? data.token;
  return same(token, s.verificationToken) ? { body, data } : { status: 401 };
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
export function callbackListener(dispatcher: EventDispatcher, s: CallbackSecrets, health?: Health) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (serveHealth(req, res, health)) return;
    if ((req.url ?? "").split("?")[0] !== FEISHU_CALLBACK.path) return reply(res, 404);
    if (req.method !== "POST") return reply(res, 405);
    const raw = await readBody(req, FEISHU_CALLBACK.maxBodyBytes);
    if (raw === null) return reply(res, 413);
    const checked = checkCallback(req, raw.toString("utf8"), s);
    if ("status" in checked) return reply(res, checked.status);
    if (checked.data.type === "url_verification")
      return reply(res, 200, { challenge: checked.data.challenge });
    const withHeaders = Object.assign(Object.create({ headers: req.headers }), checked.body);
    const result = await dispatcher.invoke(withHeaders, { needCheck: false });
    reply(res, 200, typeof result === "object" && result !== null ? result : {});
  };
}

/** Serves the callback on `port`; a handler failing before its acknowledgement gets a 500 (Feishu retries). */
export async function listenCallback(
  dispatcher: EventDispatcher,
  port: number,
  s: CallbackSecrets,
  o: { health?: Health; log: Log; host?: string },
): Promise<Server> {
  const onRequest = callbackListener(dispatcher, s, o.health);
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
