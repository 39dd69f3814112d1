import { webApi } from "@slack/bolt";
import { DELIVERY_POLICY, type DigestChannel } from "../../src/mod.js";
import { renderDigestBlocks } from "./digest-blocks.js";
import { slackSendOutcome } from "./digest-outcome.js";

/**
 * A client for one send: no retries (the app's retries network errors, which may have delivered), rate limits
 * rejected rather than waited out inside the client, a timeout, and its request cancelled when `abandon` aborts
 * (the Web API client takes no signal per call, so its fetch adds it).
 */
function sendingClient(
  client: webApi.WebClient,
  abandon: AbortSignal | undefined,
  logger: webApi.Logger | undefined,
): webApi.WebClient {
  const fetchWith: typeof fetch = (url, init) =>
    fetch(url, {
      ...init,
      signal: abandon && init?.signal ? AbortSignal.any([init.signal, abandon]) : init?.signal,
    });
  return new webApi.WebClient(client.token, {
    slackApiUrl: client.slackApiUrl,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: DELIVERY_POLICY.sendTimeoutMs,
    ...(logger ? { logger } : {}),
    ...(abandon ? { fetch: fetchWith as webApi.WebClientOptions["fetch"] } : {}),
  });
}

/**
 * Digests over a Bolt app's Web API client (`app.client`), one Block Kit message each; the sending clients log
 * through `logger` (the process's), not straight to the console.
 */
export function slackDigestSender(client: webApi.WebClient, logger?: webApi.Logger): DigestChannel {
  return {
    render: (digest) => [JSON.stringify(renderDigestBlocks(digest))],
    send: async (channel, payload, abandon) => {
      const msg = JSON.parse(payload) as ReturnType<typeof renderDigestBlocks>;
      try {
        const res = await sendingClient(client, abandon, logger).chat.postMessage({
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
