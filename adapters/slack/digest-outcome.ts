import { networkOutcome, type SendOutcome } from "../../src/mod.js";

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
 * after Retry-After; a network error as `networkOutcome` rules for every platform; ok:false is a refusal
 * (channel_not_found, not_in_channel); an HTTP error may have delivered it.
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
      return networkOutcome(code, String(err.original?.message ?? err.message ?? ""));
    }
    case "slack_webapi_http_error":
      return { kind: "unknown", reason: `HTTP ${err.statusCode}` };
    default:
      return { kind: "unknown", reason: String(err.message ?? e) };
  }
}
