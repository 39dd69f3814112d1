import { DingTalkError, networkError } from "./gateway-client.js";

/** DingTalk's answer codes for "sending too fast": like HTTP 429, the message was not sent. */
const TOO_FAST = new Set(["130101", "Forbidden.AccessDenied.QpsLimitForApi"]);

/** How often, and how long at most, a send refused for its rate is tried again. */
export const DINGTALK_RETRY = { attempts: 3, maxWaitMs: 10_000 } as const;

/** Per call: a timeout, and a signal that cancels it. */
export interface CallOptions {
  timeoutMs?: number;
  signal?: AbortSignal;
}

/** A markdown message as DingTalk's robots send it. */
export function markdownMessage(title: string, text: string) {
  return { msgtype: "markdown", markdown: { title, text } };
}

/**
 * POSTs JSON and reads DingTalk's answer: HTTP errors and errcode ≠ 0 (a session webhook's answer) or a
 * `code` (the v1.0 API's) become DingTalkErrors; 429 and 130101 say the message was not sent (retry later).
 */
export async function postJson<T>(
  url: string,
  body: unknown,
  headers: Record<string, string>,
  o: CallOptions = {},
) {
  const signals = [AbortSignal.timeout(o.timeoutMs ?? 15_000), ...(o.signal ? [o.signal] : [])];
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
    signal: AbortSignal.any(signals),
  }).catch((e: unknown) => {
    throw networkError(e);
  });
  const data = (await res.json().catch(() => ({}))) as T & {
    errcode?: number;
    errmsg?: string;
    code?: string;
    message?: string;
  };
  const code = data.errcode !== undefined && data.errcode !== 0 ? String(data.errcode) : (data.code ?? null);
  if (res.ok && code === null) return data;
  const limited = res.status === 429 || (code !== null && TOO_FAST.has(code)) ? 1000 : null;
  throw new DingTalkError(res.status, code, data.errmsg ?? data.message ?? `HTTP ${res.status}`, limited);
}

/** Runs a send, again after a second when DingTalk refused it for its rate, up to DINGTALK_RETRY.attempts times. */
export async function withRetry<T>(call: () => Promise<T>, sleep = defaultSleep): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (e) {
      const wait = e instanceof DingTalkError ? e.retryAfterMs : null;
      if (wait === null || attempt >= DINGTALK_RETRY.attempts) throw e;
      await sleep(Math.min(wait, DINGTALK_RETRY.maxWaitMs));
    }
  }
}

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
