import { webApi } from "@slack/bolt";
import { DELIVERY_POLICY, type DigestChannel } from "../../src/mod.js";
import { renderDigestBlocks } from "./digest-blocks.js";
import { slackSendOutcome } from "./digest-outcome.js";

/**
 * Digests over a Bolt app's Web API client (`app.client`), one Block Kit message each. Sends go through a client
 * of their own with no retries (the app's retries network errors, which may have delivered), rate limits
 * rejected rather than waited out inside the client, and a timeout.
 */
export function slackDigestSender(client: webApi.WebClient): DigestChannel {
  const raw = new webApi.WebClient(client.token, {
    slackApiUrl: client.slackApiUrl,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: DELIVERY_POLICY.sendTimeoutMs,
  });
  return {
    render: (digest) => [JSON.stringify(renderDigestBlocks(digest))],
    send: async (channel, payload) => {
      const msg = JSON.parse(payload) as ReturnType<typeof renderDigestBlocks>;
      try {
        const res = await raw.chat.postMessage({
          channel,
          text: msg.text,
          blocks: msg.blocks,
          unfurl_links: false,
        });
        return { kind: "sent", messageId: String(res.ts ?? "") };
      } catch (e) {
        return slackSendOutcome(e);
      }
    },
  };
}
