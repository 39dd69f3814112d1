import type * as lark from "@larksuiteoapi/node-sdk";
import { retryOf } from "./answer-codes.js";
import type { Card } from "./card.js";

/** Feishu's Open Platform when FEISHU_API_URL is not set. */
export const FEISHU_DEFAULT_URL = "https://open.feishu.cn";

/** A failed Open Platform call: the HTTP status (0: no answer), Feishu's code and message, a wait when limited. */
export class FeishuError extends Error {
  constructor(
    readonly status: number,
    readonly code: number | null,
    message: string,
    /** Set when the platform said to come back later (429, frequency limit): not carried out, may be retried. */
    readonly retryAfterMs: number | null,
    /** The system error code of a network failure (ECONNREFUSED, ECONNRESET …), if any. */
    readonly errno: string | null = null,
    /** Feishu refused the access token (expired, revoked): a new one is needed before the retry. */
    readonly tokenRejected = false,
  ) {
    super(message);
    this.name = "FeishuError";
  }
}

interface AxiosLike {
  response?: { status?: number; headers?: Record<string, unknown>; data?: { code?: number; msg?: string } };
  code?: string;
  message?: string;
  cause?: { code?: string };
}

/** The wait Feishu asks for: its x-ogw-ratelimit-reset header (seconds), else a second. */
function retryAfter(headers: Record<string, unknown> | undefined): number {
  const reset = Number(headers?.["x-ogw-ratelimit-reset"]);
  return Number.isFinite(reset) && reset > 0 ? reset * 1000 : 1000;
}

/** Reads what the SDK's HTTP client threw (an HTTP error with Feishu's body, or a network error). */
export function feishuError(e: unknown): FeishuError {
  if (e instanceof FeishuError) return e;
  const err = (e ?? {}) as AxiosLike;
  const res = err.response;
  if (res?.status) {
    const code = res.data?.code ?? null;
    const retry = retryOf(code);
    const limited = res.status === 429 || retry !== null;
    const msg = res.data?.msg ?? `HTTP ${res.status}`;
    const wait = limited ? retryAfter(res.headers) : null;
    return new FeishuError(res.status, code, msg, wait, null, retry?.token ?? false);
  }
  const errno = err.cause?.code ?? (err.code && /^E[A-Z_]+$/.test(err.code) ? err.code : null);
  return new FeishuError(0, null, err.message ?? String(e), null, errno ?? null);
}

/** A call's answer: Feishu's code 0 is success, anything else a refusal (FEISHU_RETRY_CODES: try again later). */
function checked<T extends { code?: number; msg?: string }>(body: T): T {
  if (body?.code === 0 || body?.code === undefined) return body;
  const retry = retryOf(body.code);
  const msg = body.msg ?? `code ${body.code}`;
  throw new FeishuError(200, body.code, msg, retry ? 1000 : null, null, retry?.token ?? false);
}

/** How long a call may take when the caller sets nothing: a platform that never answers must not hold a reply. */
const CALL_TIMEOUT_MS = 15_000;

/** Where a card goes: in reply to a message (a thread of the question), or to a chat. */
export type Destination = { replyTo: string } | { chatId: string };

/** Per call: a timeout, and a signal that cancels it (a shutdown giving a digest send up). */
export interface CallOptions {
  timeoutMs?: number;
  signal?: AbortSignal;
}

/** The few Open Platform calls the adapter makes, over the official SDK's client (its token cache included). */
export class FeishuApi {
  /** `forgetToken` drops the cached access token when Feishu refused it, so the next call fetches a new one. */
  constructor(
    readonly client: lark.Client,
    private readonly forgetToken: () => void = () => {},
  ) {}

  /** The bot's own identity (GET /open-apis/bot/v3/info): its open_id tells a mention of it from others. */
  async botInfo(o: CallOptions = {}): Promise<{ openId: string; name: string }> {
    const body = await this.call<{
      code?: number;
      msg?: string;
      bot?: { open_id?: string; app_name?: string };
    }>({ method: "GET", url: "/open-apis/bot/v3/info" }, o);
    return { openId: body.bot?.open_id ?? "", name: body.bot?.app_name ?? "" };
  }

  /** Sends a card; resolves to the new message's id. */
  async sendCard(to: Destination, c: Card, o: CallOptions = {}): Promise<string> {
    const data = { msg_type: "interactive", content: JSON.stringify(c) };
    const req =
      "replyTo" in to
        ? { method: "POST", url: `/open-apis/im/v1/messages/${encodeURIComponent(to.replyTo)}/reply`, data }
        : {
            method: "POST",
            url: "/open-apis/im/v1/messages",
            params: { receive_id_type: "chat_id" },
            data: { ...data, receive_id: to.chatId },
          };
    const body = await this.call<{ code?: number; msg?: string; data?: { message_id?: string } }>(req, o);
    return body.data?.message_id ?? "";
  }

  private async call<T extends { code?: number; msg?: string }>(req: object, o: CallOptions): Promise<T> {
    try {
      const extra = {
        timeout: o.timeoutMs ?? CALL_TIMEOUT_MS,
        ...(o.signal ? { signal: o.signal } : {}),
      };
      return checked(await this.client.request<T>({ ...req, ...extra }));
    } catch (e) {
      const err = feishuError(e);
      if (err.tokenRejected) this.forgetToken();
      throw err;
    }
  }
}

/** How often, and how long at most, a call refused for its rate is tried again. */
export const FEISHU_RETRY = { attempts: 3, maxWaitMs: 10_000 } as const;

/**
 * Runs a call, again after the wait Feishu asks for when it refused it for its rate (429, frequency limit), up
 * to FEISHU_RETRY.attempts times. Other errors are not retried: a 5xx or a reset may have delivered the message.
 */
export async function withRetry<T>(call: () => Promise<T>, sleep = defaultSleep): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (e) {
      const err = feishuError(e);
      if (err.retryAfterMs === null || attempt >= FEISHU_RETRY.attempts) throw err;
      await sleep(Math.min(err.retryAfterMs, FEISHU_RETRY.maxWaitMs));
    }
  }
}

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
