import type { App } from "@slack/bolt";
import { CHAT_TEXTS } from "../../src/mod.js";
import type { SlackDeps } from "./deps.js";
import { postFailure } from "./post-answer.js";

interface ErrorBody {
  event_id?: string;
  trigger_id?: string;
  response_url?: string;
  event?: { channel?: string; ts?: string; thread_ts?: string; channel_type?: string };
}

/** A short id for the log line: the event id, else the trigger id. */
function requestId(body: ErrorBody): string {
  return body.event_id ?? body.trigger_id ?? "unknown";
}

/** How long posting the failure notice to a command's response_url may take. */
const RESPONSE_URL_TIMEOUT_MS = 10_000;

async function tellUser(app: App, deps: SlackDeps, body: ErrorBody, token?: string): Promise<void> {
  if (body.response_url) {
    const payload = { response_type: "ephemeral", replace_original: false, text: CHAT_TEXTS.failed };
    const res = await fetch(body.response_url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(payload),
      // A response_url that never answers must not hold the handler (and a graceful stop) open.
      signal: AbortSignal.timeout(RESPONSE_URL_TIMEOUT_MS),
    }).catch((e: Error) => e);
    if (res instanceof Error) deps.logger.error(`could not post the failure notice: ${res.message}`);
    return;
  }
  const ev = body.event;
  if (!ev?.channel) return;
  const threadTs = ev.channel_type === "im" ? ev.thread_ts : (ev.thread_ts ?? ev.ts);
  await postFailure(app.client, deps, { channel: ev.channel, threadTs }, token);
}

/**
 * One catch-all: one log line per failed request with its id (the error and its stack as fields, never the
 * message text), and 出错了，请稍后再试 to the user (never the stack).
 */
export function registerErrorHandler(app: App, deps: SlackDeps, token?: string): void {
  app.error(async (args: { error: Error; body?: unknown }) => {
    const body = (args.body ?? {}) as ErrorBody;
    const err = args.error as Error & { code?: string; original?: Error };
    const cause = err.original ?? err;
    const id = requestId(body);
    const code = err.code ? `${err.code} ` : "";
    deps.logger.error({ request_id: id, err: cause }, `slack request ${id} failed: ${code}${cause.message}`);
    await tellUser(app, deps, body, token);
  });
}
