import { randomBytes } from "node:crypto";
import type { Reply } from "../../src/answer/reply.js";

/** A reply kept for its buttons: the engine's answer and where it was asked. */
export interface CachedReply {
  reply: Reply;
  /** The question or claim as the user typed it. */
  question: string;
  at: number;
}

/** A bounded least-recently-used map of recent replies, keyed by short random ids carried in button values. */
export class ReplyCache {
  private readonly map = new Map<string, CachedReply>();

  /** `max` entries at most; entries older than `ttlMs` count as expired. */
  constructor(
    private readonly max = 500,
    private readonly ttlMs = 24 * 60 * 60 * 1000,
  ) {}

  /** Stores a reply and returns its new id. */
  put(reply: Reply, question: string): string {
    const id = randomBytes(6).toString("base64url");
    this.map.set(id, { reply, question, at: Date.now() });
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
    if (Date.now() - hit.at > this.ttlMs) return undefined;
    this.map.set(id, hit);
    return hit;
  }

  /** Number of replies held. */
  get size(): number {
    return this.map.size;
  }
}
