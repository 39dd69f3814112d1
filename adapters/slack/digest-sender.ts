import type { webApi } from "@slack/bolt";
import type { Digest } from "../../src/mod.js";
import { renderDigestBlocks } from "./digest-blocks.js";

/** Posts a digest to a Slack channel; throws when Slack refuses (channel_not_found, not_in_channel, …). */
export type SlackDigestSender = (channel: string, digest: Digest) => Promise<void>;

/** A digest sender over a Bolt app's Web API client (`app.client`). */
export function slackDigestSender(client: webApi.WebClient): SlackDigestSender {
  return async (channel, digest) => {
    const msg = renderDigestBlocks(digest);
    await client.chat.postMessage({ channel, text: msg.text, blocks: msg.blocks, unfurl_links: false });
  };
}
