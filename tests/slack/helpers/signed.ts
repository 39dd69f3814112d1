import { createHmac } from "node:crypto";

/** Test signing secret. */
export const SECRET = "test-signing-secret";

/** The v0 signature Slack sends: HMAC-SHA256 of `v0:${ts}:${body}`. */
export function sign(secret: string, ts: number, body: string): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${ts}:${body}`).digest("hex")}`;
}

/** How to deliver a request: its signature can be dropped, forged or stale; extra headers (retries). */
export interface SendOptions {
  ts?: number;
  secret?: string;
  unsigned?: boolean;
  headers?: Record<string, string>;
}

/** POSTs a body to the Bolt endpoint, signed like Slack does, and returns the HTTP status. */
export async function send(url: string, body: string, type: string, o: SendOptions = {}): Promise<number> {
  const ts = o.ts ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = { "content-type": type, ...o.headers };
  if (!o.unsigned) {
    headers["x-slack-request-timestamp"] = String(ts);
    headers["x-slack-signature"] = sign(o.secret ?? SECRET, ts, body);
  }
  const res = await fetch(url, { method: "POST", headers, body });
  await res.text();
  return res.status;
}

let seq = 0;

/** An Events API envelope around an event, with a fresh event_id unless given. */
export function eventBody(event: Record<string, unknown>, eventId?: string): string {
  seq++;
  return JSON.stringify({
    token: "legacy",
    team_id: "T1",
    api_app_id: "A1",
    type: "event_callback",
    event_id: eventId ?? `Ev${Date.now()}${seq}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: "T1", user_id: "UBOT", is_bot: true }],
    event,
  });
}

/** A slash command as Slack posts it (form-encoded). */
export function commandBody(command: string, text: string, responseUrl: string): string {
  return new URLSearchParams({
    token: "legacy",
    team_id: "T1",
    channel_id: "C1",
    channel_name: "general",
    user_id: "U1",
    user_name: "alice",
    command,
    text,
    response_url: responseUrl,
    trigger_id: `trig.${Date.now()}`,
    api_app_id: "A1",
  }).toString();
}

/** A block_actions payload for a button click (form-encoded `payload=`). */
export function actionBody(
  action: { action_id: string; value: string },
  where: Record<string, unknown>,
): string {
  const payload = {
    type: "block_actions",
    team: { id: "T1" },
    user: { id: "U1", team_id: "T1" },
    api_app_id: "A1",
    trigger_id: `trig.${Date.now()}`,
    actions: [{ type: "button", block_id: "policy_actions", action_ts: "1", ...action }],
    ...where,
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}
