import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Bot } from "grammy";
import type { Update } from "grammy/types";
import type { Health } from "../health.js";
import { serveHealth } from "../health-http.js";
import { readBoundedBody, sameSecret } from "../http-request.js";
import { listenError } from "../port-error.js";

/** The limits of the webhook endpoint, in one place. */
export const WEBHOOK_LIMITS = {
  /** Telegram's updates are a few KB (a 4,096-character message with its entities); 1 MiB is generous. */
  maxBodyBytes: 1024 * 1024,
} as const;

const SECRET_HEADER = "x-telegram-bot-api-secret-token";

/**
 * The secret header equals the configured secret exactly, compared in constant time (over SHA-256 digests, so
 * the time does not depend on the length either). HTTP itself strips spaces and tabs around a header value
 * before any application sees it (RFC 9110 §5.5), so no other padding can reach this comparison.
 */
export function secretMatches(header: string | string[] | undefined, secret: string): boolean {
  return sameSecret(header, secret);
}

/** Ends a refused request; the connection is closed so that an unread body is not drained. */
function refuse(res: ServerResponse, status: number): void {
  res.writeHead(status, { connection: "close" }).end();
}

/**
 * Acknowledges a valid update at once, then handles it: the answer waits its turn in the work queue, and an
 * acknowledgement that waited for it would let a burst of updates hold Telegram's requests open (and, past its
 * timeout, have them delivered again). A failing handler is logged by the bot's catch-all and answered in the chat.
 */
async function handle(bot: Bot, update: Update, res: ServerResponse): Promise<void> {
  res.writeHead(200).end();
  await bot.handleUpdate(update);
}

/** The request listener: GET /healthz, then POSTs with the exact secret and a body within the limit. */
function listener(bot: Bot, secret: string, health: Health | undefined) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (serveHealth(req, res, health)) return;
    if (req.method !== "POST") return refuse(res, 405);
    // The secret is checked before the body is read: a stranger cannot make the bot buffer anything.
    if (!secretMatches(req.headers[SECRET_HEADER], secret)) return refuse(res, 401);
    const body = await readBoundedBody(req, WEBHOOK_LIMITS.maxBodyBytes);
    if (body === null) return refuse(res, 413);
    let update: Update;
    try {
      update = JSON.parse(body.toString("utf8")) as Update;
    } catch {
      return refuse(res, 400);
    }
    if (typeof update?.update_id !== "number") return refuse(res, 400);
    await handle(bot, update, res);
  };
}

/** Serves webhook updates on `port` (and GET /healthz when `health` is given). */
export async function listenWebhook(
  bot: Bot,
  port: number,
  secret: string,
  health?: Health,
): Promise<Server> {
  const onRequest = listener(bot, secret, health);
  const server = createServer((req, res) => {
    onRequest(req, res).catch(() => {
      // The bot's catch-all has logged a handler error (the update was acknowledged already); anything
      // failing before the acknowledgement gets a 500, and Telegram delivers the update again later.
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", (e) => reject(listenError(e, port)));
    server.listen(port, () => resolve());
  });
  return server;
}
