import type { Digest } from "./digest.js";

/**
 * What became of one message handed to a platform. Only "retry" may lead to sending it again: it stands for
 * errors that prove the message did not arrive (429 with retry_after, a refused connection).
 */
export type SendOutcome =
  | { kind: "sent"; messageId: string }
  /** The platform answered no (chat gone, bot removed): not delivered. */
  | { kind: "refused"; reason: string }
  /** Proven not delivered; may be sent again after `afterMs`. */
  | { kind: "retry"; afterMs: number; reason: string }
  /** It may have arrived (a timeout, a dropped connection, a 5xx): never sent again. */
  | { kind: "unknown"; reason: string };

/** A platform's digest delivery: how a digest becomes messages, and how one message is sent (once, no retries). */
export interface DigestChannel {
  /** The digest as the platform's messages, in order, each a string the store can keep. */
  render(digest: Digest): string[];
  /**
   * Sends one rendered message to a chat; resolves to its outcome, never throws for a platform error. When
   * `abandon` aborts (the shutdown's time is up) the request should be cancelled: its outcome is then unknown.
   */
  send(chatId: string, payload: string, abandon?: AbortSignal): Promise<SendOutcome>;
}
