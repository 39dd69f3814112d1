import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";

/**
 * The request body up to `limit` bytes, or null when it is larger: a declared length over the limit is refused
 * before reading, and reading stops once the limit is passed (a body without a length cannot grow the process).
 */
export async function readBoundedBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  if (Number(req.headers["content-length"] ?? 0) > limit) return null;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * A received secret (a header, a token in a body) equals the expected one, compared in constant time over SHA-256
 * digests, so that neither the content nor the length shows in the time; anything but a string is no match.
 */
export function sameSecret(received: unknown, expected: string): boolean {
  if (typeof received !== "string") return false;
  const digest = (s: string) => createHash("sha256").update(s, "utf8").digest();
  return timingSafeEqual(digest(received), digest(expected));
}
