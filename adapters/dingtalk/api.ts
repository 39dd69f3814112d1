import { DingTalkError, networkError } from "./gateway-client.js";

/**
 * DingTalk's answers that mean "not sent: try again later", in one table (from DingTalk's server error code list
 * on open.dingtalk.com; the dingtalk-stream SDK's text in node_modules documents none of them). A token answer
 * also means the cached access token must be fetched again first.
 */
export const DINGTALK_RETRY_CODES: ReadonlyMap<string, { why: string; token?: true }> = new Map([
  ["130101", { why: "send too fast (errcode of a robot webhook)" }],
  ["Forbidden.AccessDenied.QpsLimitForApi", { why: "API QPS limit (v1.0 API)" }],
  ["Throttling", { why: "too many requests (v1.0 API, HTTP 429)" }],
  ["InvalidAuthentication", { why: "access token invalid or expired (v1.0 API, HTTP 401)", token: true }],
  ["40014", { why: "不合法的access_token (old API errcode)", token: true }],
  ["42001", { why: "access_token超时 (old API errcode)", token: true }],
] as const);

/** Whether an answer is a rate limit or a refused token (DINGTALK_RETRY_CODES, HTTP 429 or 401). */
export function retryOfAnswer(status: number, code: string | null): { token: boolean } | null {
  const entry = code === null ? undefined : DINGTALK_RETRY_CODES.get(code);
  if (entry) return { token: entry.token === true };
  if (status === 429) return { token: false };
  if (status === 401) return { token: true };
  return null;
}

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
  const retry = retryOfAnswer(res.status, code);
  const message = data.errmsg ?? data.message ?? `HTTP ${res.status}`;
  throw new DingTalkError(res.status, code, message, retry ? 1000 : null, null, retry?.token ?? false);
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
