import type { IncomingMessage, ServerResponse } from "node:http";
import { HTTPReceiver, type HTTPReceiverOptions } from "@slack/bolt";
import type { Health } from "../health.js";
import { serveHealth } from "../health-http.js";

/** How far a request's X-Slack-Request-Timestamp may be from our clock, in either direction (Slack's rule). */
export const SLACK_REQUEST_WINDOW_SECONDS = 5 * 60;

/** Whether a timestamp header is a number of seconds too far from `now`, in the past or the future. */
export function outsideWindow(header: string | string[] | undefined, now: Date): boolean {
  const ts = Number(header);
  if (typeof header !== "string" || !Number.isFinite(ts)) return false; // Bolt refuses a missing or bad one
  return Math.abs(now.getTime() / 1000 - ts) > SLACK_REQUEST_WINDOW_SECONDS;
}

/** The HTTP receiver's options plus the process's health and a clock. */
export interface GuardedReceiverOptions extends HTTPReceiverOptions {
  /** The system clock by default: Bolt checks the past side of the window against it too. */
  clock?: () => Date;
  health?: Health;
}

/**
 * Bolt's HTTP receiver with two additions in front of its own checks: GET /healthz, and a 401 for a request whose
 * timestamp is more than five minutes in the future (Bolt refuses only the past ones). The signature is still
 * Bolt's to verify.
 */
export class GuardedHTTPReceiver extends HTTPReceiver {
  constructor(options: GuardedReceiverOptions) {
    const { clock = () => new Date(), health, ...bolt } = options;
    super(bolt);
    const inner = this.requestListener;
    const logger = bolt.logger;
    this.requestListener = (req: IncomingMessage, res: ServerResponse) => {
      if (serveHealth(req, res, health)) return;
      if (outsideWindow(req.headers["x-slack-request-timestamp"], clock())) {
        logger?.warn("slack request refused: timestamp more than 5 minutes from this clock");
        res.writeHead(401, { connection: "close" }).end();
        return;
      }
      inner(req, res);
    };
  }
}
