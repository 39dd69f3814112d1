import type { SendOutcome } from "../../src/mod.js";

/** Network errors that happen before a request is sent: it cannot have arrived. */
const NOT_SENT = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"]);
/** The wait before retrying a connection refused. */
const RECONNECT_MS = 5000;

interface SlackErrorShape {
  code?: string;
  data?: { error?: string };
  retryAfter?: number;
  statusCode?: number;
  original?: { message?: string; code?: unknown; cause?: { code?: unknown } };
  message?: string;
}

/**
 * What a failed chat.postMessage means for a digest (the Web API client's error codes): rate limited is retried
 * after Retry-After, a refused connection after a pause; ok:false is a refusal (channel_not_found,
 * not_in_channel); an HTTP error, a timeout or a dropped connection may have delivered it.
 */
export function slackSendOutcome(e: unknown): SendOutcome {
  const err = (e ?? {}) as SlackErrorShape;
  switch (err.code) {
    case "slack_webapi_platform_error":
      return { kind: "refused", reason: err.data?.error ?? String(err.message) };
    case "slack_webapi_rate_limited_error":
      return { kind: "retry", afterMs: (err.retryAfter ?? 1) * 1000, reason: "ratelimited" };
    case "slack_webapi_request_error": {
      const code = String(err.original?.code ?? err.original?.cause?.code ?? "");
      if (NOT_SENT.has(code)) return { kind: "retry", afterMs: RECONNECT_MS, reason: code };
      return { kind: "unknown", reason: code || String(err.original?.message ?? err.message) };
    }
    case "slack_webapi_http_error":
      return { kind: "unknown", reason: `HTTP ${err.statusCode}` };
    default:
      return { kind: "unknown", reason: String(err.message ?? e) };
  }
}
