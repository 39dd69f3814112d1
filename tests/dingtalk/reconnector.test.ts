import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Reconnector } from "../../adapters/dingtalk/reconnect.js";

const POLICY = { firstDelayMs: 10, maxDelayMs: 40, maxAttempts: 3 };

describe("the DingTalk reconnector", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  /** A reconnector whose every attempt opens, on a clock the test moves; `drop` is the gateway closing it. */
  function flapping() {
    let now = 0;
    const gaveUp = vi.fn();
    const r = new Reconnector(
      async () => {},
      POLICY,
      { retrying: () => {}, gaveUp },
      () => now,
    );
    return { r, gaveUp, advance: (ms: number) => (now += ms) };
  }

  it("gives up on a gateway that closes every connection at once, though each one opened", async () => {
    const { r, gaveUp } = flapping();
    for (let i = 0; i < 10 && gaveUp.mock.calls.length === 0; i++) {
      r.dropped(new Error("closed at once"));
      await vi.runOnlyPendingTimersAsync();
    }
    expect(gaveUp).toHaveBeenCalledTimes(1);
    expect(gaveUp.mock.calls[0]?.[0]).toBe(3);
  });

  it("starts the count again after a connection that stayed up for the longest delay", async () => {
    const { r, gaveUp, advance } = flapping();
    for (let i = 0; i < 10; i++) {
      r.dropped(new Error("dropped after a while"));
      await vi.runOnlyPendingTimersAsync();
      advance(POLICY.maxDelayMs);
    }
    expect(gaveUp).not.toHaveBeenCalled();
    r.stop();
  });
});
