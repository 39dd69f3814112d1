import type { SendOutcome } from "./channel.js";

/**
 * Errno codes of failures that happen before a request leaves this machine (no connection, no address): the
 * platform cannot have received the message. Any other network error may have come after it arrived.
 */
export const NOT_SENT_CODES: ReadonlySet<string> = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
]);

/** The wait before sending again after such a failure (platforms give no retry_after then). */
export const RECONNECT_MS = 5000;

/**
 * What a network error of a digest send means, for every platform: a failure before sending is retried after a
 * pause; anything else (a reset, a timeout, an abort) may have delivered it, so it is never sent again.
 */
export function networkOutcome(code: string, message: string): SendOutcome {
  if (NOT_SENT_CODES.has(code)) return { kind: "retry", afterMs: RECONNECT_MS, reason: code };
  return { kind: "unknown", reason: code && message ? `${code}: ${message}` : code || message };
}
