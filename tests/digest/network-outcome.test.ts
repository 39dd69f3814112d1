import { describe, expect, it } from "vitest";
import { networkOutcome, RECONNECT_MS } from "../../src/digest/network-outcome.js";

describe("which network errors prove a digest message was not sent", () => {
  it.each([
    ["ECONNREFUSED", "retry"],
    ["ENOTFOUND", "retry"],
    ["EAI_AGAIN", "retry"],
    ["EHOSTUNREACH", "retry"],
    ["ENETUNREACH", "retry"],
    ["ECONNRESET", "unknown"],
    ["EPIPE", "unknown"],
    ["ETIMEDOUT", "unknown"],
    ["UND_ERR_SOCKET", "unknown"],
    ["ABORT_ERR", "unknown"],
    ["", "unknown"],
  ])("%s: %s", (code, kind) => {
    const outcome = networkOutcome(code, "request failed");
    expect(outcome.kind).toBe(kind);
    if (outcome.kind === "retry") expect(outcome).toEqual({ kind, afterMs: RECONNECT_MS, reason: code });
    else expect(outcome).toMatchObject({ reason: expect.stringContaining("request failed") });
  });
});
