import {
  type Digest,
  digestRefusalText,
  digestResultText,
  type Engine,
  type Platform,
  parseDigestCommand,
  runDigestCommand,
  type Store,
} from "../../src/mod.js";
import type { MarkdownDialect } from "./dialect.js";
import { digestBlocks, packBlocks } from "./digest-blocks.js";

/** A /digest command as a Feishu, DingTalk or WeCom message carries it. */
export interface ChatDigestRequest {
  store: Store | null;
  engine: Engine;
  platform: Platform;
  chatId: string;
  userId: string;
  now: Date;
  /** What follows /digest: on [HH:MM] [话题…] | off | status | now. */
  args: string;
}

/**
 * Runs /digest for a chat: the text answering it (unescaped: the platform escapes it), and the digest to show
 * after it for `/digest now`. Anyone who can write in a chat may change its subscription, as in a Slack
 * channel: these platforms deliver a group's messages from its members only.
 */
export async function runChatDigest(r: ChatDigestRequest): Promise<{ text: string; preview: Digest | null }> {
  if (!r.store) return { text: digestRefusalText({ code: "disabled" }), preview: null };
  const result = await runDigestCommand(
    {
      store: r.store,
      source: r.engine,
      platform: r.platform,
      chatId: r.chatId,
      userId: r.userId,
      now: r.now,
    },
    parseDigestCommand(r.args),
  );
  return { text: digestResultText(result), preview: result.kind === "preview" ? result.digest : null };
}

/**
 * /digest's answer as markdown messages: the text, then a preview's digest as `render` cuts it (the channel's own
 * renderer when the parts go out as the scheduled digest's messages do), by default within `max` characters.
 */
export async function digestMarkdown(
  r: ChatDigestRequest,
  d: MarkdownDialect,
  max: number,
  render: (preview: Digest) => string[] = (p) => packBlocks(digestBlocks(d, p), (t) => t.length <= max),
): Promise<string[]> {
  const { text, preview } = await runChatDigest(r);
  return [d.escape(text), ...(preview ? render(preview) : [])];
}
