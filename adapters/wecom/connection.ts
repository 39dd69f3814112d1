import type { WSClient } from "@wecom/aibot-node-sdk";
import type { InFlight } from "../in-flight.js";
import type { Log } from "../log.js";

/** The SDK's errors after which it stops trying: reconnects used up, or the credentials refused on a reconnect. */
const GAVE_UP = new Set(["WS_RECONNECT_EXHAUSTED", "WS_AUTH_FAILURE_EXHAUSTED"]);

/** What the connection's watch and stop need from the process. */
export interface ConnectionRuntime {
  log: Log;
  inFlight?: InFlight;
  onFailure?: (line: string) => void;
}

/** The long connection's life after the start: intake open until stop(), failures reported, a stop that drains. */
export interface WeComConnection {
  /** Whether new messages are still taken (false once stop() began). */
  readonly taking: boolean;
  /**
   * Stops taking messages, waits for the replies under way (up to `drainMs`, or until the shutdown gives up:
   * `giveUp`, so that the shutdown's later wait for replies is not a second full bound), then closes the socket.
   */
  stop(giveUp?: AbortSignal): Promise<void>;
}

/**
 * Watches the connection once it is up. After a drop the SDK schedules a reconnect at once (its close handler emits
 * `disconnected`, then `reconnecting`); when no `reconnecting` follows, it has given up: WeCom handed the robot to
 * a newer connection (disconnected_event: one connection per bot), or its attempts ran out (an `error` with a code).
 * Each of those, unless we are stopping, is `onFailure`, once: the process stops, for its supervisor to restart it.
 */
export function watchConnection(
  client: WSClient,
  runtime: ConnectionRuntime,
  drainMs: number,
): WeComConnection {
  let taking = true;
  let failed = false;
  const fail = (line: string) => {
    if (taking && !failed) runtime.onFailure?.(line);
    failed = true;
  };
  let retrying = false;
  client.on("reconnecting", () => {
    retrying = true;
  });
  client.on("disconnected", (reason: string) => {
    retrying = false;
    setImmediate(() => {
      if (!retrying) fail(`wecom long connection closed and not reopened: ${reason}`);
    });
  });
  client.on("error", (e: Error) => {
    const code = (e as { code?: string }).code ?? "";
    if (GAVE_UP.has(code)) fail(`wecom long connection failed: ${e.message}`);
  });
  let stopping: Promise<void> | null = null;
  const drainThenClose = async (giveUp?: AbortSignal) => {
    taking = false;
    const idle = runtime.inFlight
      ? await Promise.race([runtime.inFlight.idle(drainMs), givenUp(giveUp)])
      : true;
    if (!idle)
      runtime.log.warn(
        "wecom: replies still under way at the shutdown's bound; closing the connection anyway",
      );
    client.disconnect();
  };
  return {
    get taking() {
      return taking;
    },
    stop: (giveUp) => {
      stopping ??= drainThenClose(giveUp);
      return stopping;
    },
  };
}

/** Resolves false once the signal aborts (never without one). */
function givenUp(signal: AbortSignal | undefined): Promise<false> {
  return new Promise((resolve) => {
    if (!signal) return;
    if (signal.aborted) return resolve(false);
    signal.addEventListener("abort", () => resolve(false), { once: true });
  });
}
