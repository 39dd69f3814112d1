import { GrammyError, HttpError } from "grammy";
import type { SendOutcome } from "../../src/mod.js";

/** Network errors that happen before a request is sent: it cannot have arrived. */
const NOT_SENT = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"]);
/** The wait before retrying a connection refused (Telegram gives no retry_after then). */
const RECONNECT_MS = 5000;

/** The errno code under grammY's HttpError (node-fetch's FetchError carries it, or its cause does). */
function networkCode(e: HttpError): string {
  const inner = e.error as { code?: unknown; cause?: { code?: unknown } } | undefined;
  return String(inner?.code ?? inner?.cause?.code ?? "");
}

/**
 * What a failed sendMessage means for a digest: 429 is retried after retry_after, a refused connection after a
 * pause; a 4xx is a refusal (chat gone, bot removed); a 5xx, a timeout or a dropped connection may have
 * delivered it.
 */
export function telegramSendOutcome(e: unknown): SendOutcome {
  if (e instanceof GrammyError) {
    if (e.error_code === 429)
      return { kind: "retry", afterMs: (e.parameters.retry_after ?? 1) * 1000, reason: e.description };
    if (e.error_code >= 500) return { kind: "unknown", reason: `${e.error_code} ${e.description}` };
    return { kind: "refused", reason: e.description };
  }
  if (e instanceof HttpError) {
    const code = networkCode(e);
    if (NOT_SENT.has(code)) return { kind: "retry", afterMs: RECONNECT_MS, reason: code };
    return { kind: "unknown", reason: code ? `${code}: ${e.message}` : e.message };
  }
  return { kind: "unknown", reason: e instanceof Error ? e.message : String(e) };
}
