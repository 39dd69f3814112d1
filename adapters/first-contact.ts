import { AppError } from "../src/mod.js";

/** A platform's API as the start-up message names it, with the variables that configure it. */
export interface PlatformApi {
  name: "Telegram" | "Slack" | "Feishu" | "DingTalk" | "WeCom";
  /** The API's base URL as configured (or the platform's default). */
  root: string;
  /** The variable that moves the root (TELEGRAM_API_ROOT, SLACK_API_URL). */
  rootVar: string;
  /** The variable holding the token the API checks. */
  tokenVar: string;
}

/** Why a first call failed: the API answered no to the token, or could not be reached at all. */
export type ContactFailure = { kind: "refused"; reason: string } | { kind: "unreachable"; reason: string };

/** Reads a failure from whatever the platform's SDK threw. */
export type ClassifyFailure = (e: unknown) => ContactFailure;

/** The first system error code (ECONNREFUSED, ENOTFOUND, …) in an error's chain of causes. */
function systemCode(e: unknown, depth = 0): string | undefined {
  if (!e || typeof e !== "object" || depth > 5) return undefined;
  const o = e as { code?: unknown; error?: unknown; original?: unknown; cause?: unknown };
  if (typeof o.code === "string" && /^E[A-Z_]+$/.test(o.code)) return o.code;
  return (
    systemCode(o.error, depth + 1) ?? systemCode(o.original, depth + 1) ?? systemCode(o.cause, depth + 1)
  );
}

/** A short reason for a network failure: the system error code, else the message without URLs (they hold tokens). */
export function networkReason(e: unknown): string {
  const code = systemCode(e);
  if (code) return code;
  const message = e instanceof Error ? e.message : String(e);
  return message.replace(/\bhttps?:\/\/\S+/g, "<url>");
}

/** The one line a failed start-up says: what failed, where, and which variable to check. */
function contactError(api: PlatformApi, failure: ContactFailure): AppError {
  if (failure.kind === "refused")
    return new AppError(
      "PLATFORM_REFUSED",
      `${api.name} refused ${api.tokenVar}: ${failure.reason} — check the token (and ${api.rootVar} if set)`,
    );
  return new AppError(
    "PLATFORM_UNREACHABLE",
    `${api.name} API unreachable at ${api.root}: ${failure.reason} — check ${api.rootVar} / network`,
  );
}

/**
 * Makes a start-up call (getMe, setWebhook, auth.test) once, without the SDK's own retries, within `timeoutMs`;
 * any failure becomes one AppError line naming the problem. The signal is aborted on timeout.
 */
export async function firstContact<T>(
  api: PlatformApi,
  timeoutMs: number,
  classify: ClassifyFailure,
  call: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      const seconds = Number((timeoutMs / 1000).toFixed(1));
      reject(contactError(api, { kind: "unreachable", reason: `no answer within ${seconds} s` }));
    }, timeoutMs);
  });
  try {
    return await Promise.race([call(controller.signal), timedOut]);
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw contactError(api, classify(e));
  } finally {
    clearTimeout(timer);
  }
}
