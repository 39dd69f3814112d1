/** The rules of digest delivery, in one place. */
export const DELIVERY_POLICY = {
  /**
   * How long a claim stays its owner's without renewal; renewed before every message. Longer than one send
   * can take (the senders time out after SEND_TIMEOUT_MS), short enough that a crashed owner's claim is
   * resumed within a few minutes.
   */
  leaseMs: 3 * 60_000,
  /** A platform call of a digest gives up after this (its outcome is then unknown). */
  sendTimeoutMs: 30_000,
  /** Owners that may claim one delivery: a takeover after a crash is the second; a third is given up. */
  maxClaims: 2,
  /** Sends of one message whose failure proved it was not delivered (429, connection refused). */
  maxSendAttempts: 3,
  /** A longer retry_after than this is not waited for: the delivery fails (not delivered) instead. */
  maxRetryWaitMs: 60_000,
} as const;

/** The delivery rules as a type, for tests that shorten them. */
export type DeliveryPolicy = { [K in keyof typeof DELIVERY_POLICY]: number };
