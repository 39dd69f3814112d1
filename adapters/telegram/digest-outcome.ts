import { GrammyError, HttpError } from "grammy";
import { networkOutcome, type SendOutcome } from "../../src/mod.js";

/** The errno code under grammY's HttpError (node-fetch's FetchError carries it, or its cause does). */
function networkCode(e: HttpError): string {
  const inner = e.error as { code?: unknown; cause?: { code?: unknown } } | undefined;
  return String(inner?.code ?? inner?.cause?.code ?? "");
}

/**
 * What a failed sendMessage means for a digest: 429 is retried after retry_after; a network error as
 * `networkOutcome` rules for every platform; a 4xx is a refusal (chat gone, bot removed); a 5xx may have
 * delivered it.
 */
export function telegramSendOutcome(e: unknown): SendOutcome {
  if (e instanceof GrammyError) {
    if (e.error_code === 429)
      return { kind: "retry", afterMs: (e.parameters.retry_after ?? 1) * 1000, reason: e.description };
    if (e.error_code >= 500) return { kind: "unknown", reason: `${e.error_code} ${e.description}` };
    return { kind: "refused", reason: e.description };
  }
  if (e instanceof HttpError) return networkOutcome(networkCode(e), e.message);
  return { kind: "unknown", reason: e instanceof Error ? e.message : String(e) };
}
