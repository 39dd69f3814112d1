import type { RespondFn, webApi } from "@slack/bolt";
import { changesSubscription, parseDigestCommand } from "../../src/digest/parse-command.js";
import { runDigestCommand } from "../../src/digest/run-command.js";
import type { SlackDeps } from "./deps.js";
import { renderDigestBlocks } from "./digest-blocks.js";

/** What a /digest (or /policy digest) command carries. */
export interface DigestRequest {
  text: string;
  channelId: string;
  userId: string;
}

const PAGES = 20;

/** The Slack error code of a failed Web API call ("not_in_channel"), else its message. */
function slackError(e: unknown): string {
  const data = (e as { data?: { error?: string } }).data;
  return data?.error ?? (e instanceof Error ? e.message : String(e));
}

/** Whether the user is a member of the channel; a direct message is always theirs. */
export async function isChannelMember(
  client: webApi.WebClient,
  channel: string,
  user: string,
): Promise<boolean> {
  if (channel.startsWith("D")) return true;
  let cursor: string | undefined;
  for (let page = 0; page < PAGES; page++) {
    const res = await client.conversations.members({ channel, limit: 1000, ...(cursor ? { cursor } : {}) });
    if (res.members?.includes(user)) return true;
    cursor = res.response_metadata?.next_cursor || undefined;
    if (!cursor) return false;
  }
  return false;
}

/** Why the user may not change the channel's subscription, or null when they may. */
async function refusal(client: webApi.WebClient, req: DigestRequest): Promise<string | null> {
  try {
    if (await isChannelMember(client, req.channelId, req.userId)) return null;
    return "只有本频道成员可以更改每日摘要订阅。";
  } catch (e) {
    return `暂时无法确认你是否为本频道成员（${slackError(e)}）。请先邀请机器人进频道（/invite @policy-facts）后再试。`;
  }
}

/** /digest on [HH:MM] [话题…] | off | status | now, answered ephemerally; a preview comes as blocks. */
export async function handleDigest(
  deps: SlackDeps,
  client: webApi.WebClient,
  respond: RespondFn,
  req: DigestRequest,
): Promise<void> {
  if (!deps.store) {
    await respond({ response_type: "ephemeral", text: "每日摘要未启用：应用运行时没有数据存储。" });
    return;
  }
  const cmd = parseDigestCommand(req.text);
  const refused = changesSubscription(cmd) ? await refusal(client, req) : null;
  if (refused) {
    await respond({ response_type: "ephemeral", text: refused });
    return;
  }
  const result = runDigestCommand(
    {
      store: deps.store,
      source: deps.engine,
      platform: "slack",
      chatId: req.channelId,
      userId: req.userId,
      now: deps.clock(),
    },
    cmd,
  );
  if (!result.preview) {
    await respond({ response_type: "ephemeral", text: result.text });
    return;
  }
  const msg = renderDigestBlocks(result.preview);
  await respond({ response_type: "ephemeral", text: msg.text, blocks: msg.blocks });
}
