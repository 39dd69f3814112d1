import { DWClient } from "dingtalk-stream";

/** DingTalk's OpenAPI when DINGTALK_API_URL is not set. */
export const DINGTALK_DEFAULT_URL = "https://api.dingtalk.com";

/** A failed DingTalk call: the HTTP status (0: no answer), DingTalk's code and message. */
export class DingTalkError extends Error {
  constructor(
    readonly status: number,
    readonly code: string | null,
    message: string,
    /** Set when DingTalk said to come back later (429, send too fast): not carried out, may be retried. */
    readonly retryAfterMs: number | null = null,
    readonly errno: string | null = null,
  ) {
    super(message);
    this.name = "DingTalkError";
  }
}

/** A network failure as a DingTalkError with its system code (fetch puts it on the cause). */
export function networkError(e: unknown): DingTalkError {
  const err = e as { message?: string; cause?: { code?: string } };
  return new DingTalkError(0, null, err.message ?? String(e), null, err.cause?.code ?? null);
}

/**
 * The official Stream-mode client, told where the gateway is. The SDK posts its connection request to a fixed
 * address (api.dingtalk.com); this subclass posts the same request (client id and secret, subscriptions) to
 * DINGTALK_API_URL instead, so a test double or another edition's gateway can be used. The WebSocket protocol,
 * acknowledgements, keep-alive and reconnects stay the SDK's.
 */
export class GatewayClient extends DWClient {
  constructor(
    opts: { clientId: string; clientSecret: string },
    private readonly apiUrl: string = DINGTALK_DEFAULT_URL,
    private readonly timeoutMs = 15_000,
  ) {
    super({ ...opts, ua: "policy-facts-bot" });
  }

  override async getEndpoint(): Promise<this> {
    const c = this.config;
    const body = {
      clientId: c.clientId,
      clientSecret: c.clientSecret,
      ua: c.ua,
      subscriptions: c.subscriptions,
    };
    const res = await fetch(`${this.apiUrl}/v1.0/gateway/connections/open`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(this.timeoutMs),
    }).catch((e: unknown) => {
      throw networkError(e);
    });
    const data = (await res.json().catch(() => ({}))) as {
      endpoint?: string;
      ticket?: string;
      code?: string;
      message?: string;
    };
    if (!res.ok || !data.endpoint || !data.ticket)
      throw new DingTalkError(res.status, data.code ?? null, data.message ?? `HTTP ${res.status}`);
    this.config.endpoint = data.endpoint;
    // The SDK keeps the socket's address in a field its typings call private; _connect() opens it.
    (this as unknown as { dw_url: string }).dw_url =
      `${data.endpoint}?ticket=${encodeURIComponent(data.ticket)}`;
    return this;
  }
}
