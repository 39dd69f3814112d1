import { createCipheriv, createHash, randomBytes } from "node:crypto";
import { feishuSignature } from "../../adapters/feishu/http-callback.js";

/** Encrypts a callback body as Feishu does with an Encrypt Key: AES-256-CBC, key sha256(key), IV first, base64. */
export function encryptBody(key: string, body: unknown): string {
  const iv = randomBytes(16);
  const cipher = createCipheriv("aes-256-cbc", createHash("sha256").update(key).digest(), iv);
  const data = Buffer.concat([cipher.update(JSON.stringify(body), "utf8"), cipher.final()]);
  return Buffer.concat([iv, data]).toString("base64");
}

/** How to post a callback: encrypted with a key (and signed, unless told not to or with another key). */
export interface PostOptions {
  encryptKey?: string;
  signWith?: string;
  unsigned?: boolean;
}

/** POSTs a callback body to the adapter as Feishu does; returns the status and the parsed answer. */
export async function postCallback(url: string, body: unknown, o: PostOptions = {}) {
  const raw = o.encryptKey
    ? JSON.stringify({ encrypt: encryptBody(o.encryptKey, body) })
    : JSON.stringify(body);
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (o.encryptKey && !o.unsigned) {
    const ts = String(Math.floor(Date.now() / 1000));
    const nonce = randomBytes(8).toString("hex");
    headers["x-lark-request-timestamp"] = ts;
    headers["x-lark-request-nonce"] = nonce;
    headers["x-lark-signature"] = feishuSignature(ts, nonce, o.signWith ?? o.encryptKey, raw);
  }
  const res = await fetch(url, { method: "POST", headers, body: raw });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : null };
}
