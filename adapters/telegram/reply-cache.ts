import type { Reply } from "../../src/answer/reply.js";

/** A reply kept so its buttons (更多来源, 👍/👎) can act on it later. */
export interface CachedReply {
  question: string;
  reply: Reply;
}

/**
 * A bounded least-recently-used store of recent replies, keyed by short ids.
 * Callback data is limited to 64 bytes, so buttons carry the id and never the reply itself.
 */
export class ReplyCache {
  private readonly entries = new Map<string, CachedReply>();
  private next = 0;

  constructor(private readonly capacity = 1000) {}

  /** Stores a reply and returns its id. */
  put(entry: CachedReply): string {
    this.next += 1;
    const id = this.next.toString(36);
    this.entries.set(id, entry);
    // A Map iterates in insertion order, so the first key is the least recently used.
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    return id;
  }

  /** The reply for an id, or undefined when it was evicted or never existed; a hit counts as a use. */
  get(id: string): CachedReply | undefined {
    const entry = this.entries.get(id);
    if (!entry) return undefined;
    this.entries.delete(id);
    this.entries.set(id, entry);
    return entry;
  }

  /** How many replies are kept. */
  get size(): number {
    return this.entries.size;
  }
}
