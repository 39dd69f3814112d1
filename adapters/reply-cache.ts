import { randomBytes } from "node:crypto";
import type { Reply } from "../src/mod.js";

/** A reply kept for its buttons (更多来源, 👍/👎, 分享到频道): the engine's answer and what was asked. */
export interface CachedReply {
  reply: Reply;
  /** The question or claim as the user typed it. */
  question: string;
  at: number;
}

/**
 * A bounded least-recently-used map of recent replies, keyed by short random ids that buttons carry (Telegram
 * allows 64 bytes of callback data). Random, not sequential, ids: after a restart an old button must find
 * nothing ("已过期") rather than another chat's newer reply.
 */
export class ReplyCache {
  private readonly map = new Map<string, CachedReply>();

  /** `max` entries at most; entries older than `ttlMs` count as expired. */
  constructor(
    private readonly max = 500,
    private readonly ttlMs = 24 * 60 * 60 * 1000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Stores a reply and returns its new id (8 URL-safe characters). */
  put(reply: Reply, question: string): string {
    const id = randomBytes(6).toString("base64url");
    this.map.set(id, { reply, question, at: this.now() });
    // A Map iterates in insertion order, so the first key is the least recently used.
    while (this.map.size > this.max) {
      const oldest = this.map.keys().next().value;
      if (oldest === undefined) break;
      this.map.delete(oldest);
    }
    return id;
  }

  /** The reply for an id (marking it recently used), or undefined when unknown or expired. */
  get(id: string): CachedReply | undefined {
    const hit = this.map.get(id);
    if (!hit) return undefined;
    this.map.delete(id);
    if (this.now() - hit.at > this.ttlMs) return undefined;
    this.map.set(id, hit);
    return hit;
  }

  /** Number of replies held. */
  get size(): number {
    return this.map.size;
  }
}
