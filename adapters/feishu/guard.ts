import { CHAT_TEXTS } from "../../src/mod.js";
import { withRetry } from "./api.js";
import { noticeCard } from "./card.js";
import type { FeishuDeps } from "./deps.js";

/**
 * Runs the work for one event after its acknowledgement, counted for a graceful stop. The catch-all: a failure
 * is one log line with the event id (the error and its stack as fields, never the message text), and 出错了，
 * 请稍后再试 in reply to the message when there is one — never the stack.
 */
export function afterAck(
  deps: FeishuDeps,
  eventId: string,
  replyTo: string | null,
  work: () => Promise<void>,
) {
  const guarded = async () => {
    try {
      await work();
    } catch (e) {
      const err = e instanceof Error ? e : new Error(String(e));
      deps.log.error(
        { event_id: eventId, err },
        `feishu event ${eventId} failed: ${err.name}: ${err.message}`,
      );
      if (replyTo) await tellFailure(deps, replyTo);
    }
  };
  void (deps.inFlight ? deps.inFlight.track(guarded) : guarded());
}

async function tellFailure(deps: FeishuDeps, replyTo: string): Promise<void> {
  try {
    await withRetry(() => deps.api.sendCard({ replyTo }, noticeCard(CHAT_TEXTS.failed)));
  } catch (e) {
    deps.log.error(`feishu: could not send the failure notice: ${(e as Error).message}`);
  }
}
