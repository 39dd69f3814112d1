/** Feishu's per-chat message limit is 5 a second (shared by the chat's bots): a digest's parts go at most 4 a second. */
export const FEISHU_CHAT_INTERVAL_MS = 250;

/**
 * Spaces the messages sent to one chat at least `intervalMs` apart (a digest's parts go out back to back), so a
 * long digest does not run into the chat's frequency limit (230020). The clock and the wait are injected.
 */
export class ChatPace {
  private readonly last = new Map<string, number>();

  constructor(
    private readonly intervalMs = FEISHU_CHAT_INTERVAL_MS,
    private readonly now: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {}

  /** Resolves when a message may be sent to `chatId`, and counts it as sent then. */
  async turn(chatId: string): Promise<void> {
    const previous = this.last.get(chatId);
    const wait = previous === undefined ? 0 : previous + this.intervalMs - this.now();
    if (wait > 0) await this.sleep(wait);
    this.last.set(chatId, this.now());
    if (this.last.size > 1000) this.forgetOld();
  }

  private forgetOld(): void {
    const cutoff = this.now() - this.intervalMs;
    for (const [chat, at] of this.last) if (at < cutoff) this.last.delete(chat);
  }
}
