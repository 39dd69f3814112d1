import type { WSClient } from "@wecom/aibot-node-sdk";
import type { Digest, DigestChannel, SendOutcome } from "../../src/mod.js";
import { digestBlocks, packBlocks } from "../markdown/digest-blocks.js";
import { LOOK_ALIKE_MD } from "../markdown/look-alike.js";

/**
 * WeCom's markdown messages hold 4,096 bytes of UTF-8: a digest message is cut to fit, measured in bytes (a
 * Chinese character is three).
 */
export const DIGEST_MESSAGE_BYTES = 4096;

/** A digest as markdown messages of at most 4,096 bytes each, cut between documents. */
export function renderWeComDigest(d: Digest): string[] {
  return packBlocks(digestBlocks(LOOK_ALIKE_MD, d), (t) => Buffer.byteLength(t) <= DIGEST_MESSAGE_BYTES);
}

/**
 * WeCom's errcodes that mean "not carried out: try again later", in one table (WeCom's global error code list,
 * developer.work.weixin.qq.com/document/path/90313; the SDK's text in node_modules documents none of them).
 */
export const WECOM_RETRY_CODES: ReadonlyMap<number, string> = new Map([
  [45009, "接口调用超过限制 (API frequency out of limit)"],
  [-1, "系统繁忙 (system busy)"],
]);

/**
 * What a failed push means for a digest: WECOM_RETRY_CODES are retried after a second; a socket that was not
 * open sent nothing (retried after a pause); no receipt in time may have delivered it; any other code is a
 * refusal (the robot is not in the chat, the chat is gone).
 */
export function weComSendOutcome(e: unknown): SendOutcome {
  const frame = e as { errcode?: number; errmsg?: string };
  if (typeof frame?.errcode === "number") {
    if (WECOM_RETRY_CODES.has(frame.errcode))
      return { kind: "retry", afterMs: 1000, reason: frame.errmsg ?? String(frame.errcode) };
    return { kind: "refused", reason: `${frame.errcode} ${frame.errmsg ?? ""}`.trim() };
  }
  const message = e instanceof Error ? e.message : String(e);
  if (message.includes("not connected")) return { kind: "retry", afterMs: 5000, reason: message };
  return { kind: "unknown", reason: message };
}

/**
 * Digests pushed over the robot's long connection (aibot_send_msg) to the chat that subscribed with /digest: a
 * group's chatid or a user's userid. One push each, acknowledged by WeCom with a receipt; no retries here.
 */
export function weComDigestSender(client: WSClient): DigestChannel {
  return {
    render: renderWeComDigest,
    send: async (chatId, content) => {
      try {
        const receipt = await client.sendMessage(chatId, { msgtype: "markdown", markdown: { content } });
        return { kind: "sent", messageId: String(receipt.headers.req_id ?? "") };
      } catch (e) {
        return weComSendOutcome(e);
      }
    },
  };
}
