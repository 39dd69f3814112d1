import type { RespondFn, webApi } from "@slack/bolt";
import {
  changesSubscription,
  type DigestRefusal,
  digestRefusalText,
  digestResultText,
  parseDigestCommand,
  runDigestCommand,
} from "../../src/mod.js";
import type { SlackDeps } from "./deps.js";
import { renderDigestBlocks } from "./digest-blocks.js";
import { escapeMrkdwn } from "./escape-mrkdwn.js";

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
async function refusal(client: webApi.WebClient, req: DigestRequest): Promise<DigestRefusal | null> {
  try {
    if (await isChannelMember(client, req.channelId, req.userId)) return null;
    return { code: "members-only" };
  } catch (e) {
    return { code: "membership-unknown", error: slackError(e) };
  }
}

/** /digest on [HH:MM] [话题…] | off | status | now, answered ephemerally; a preview comes as blocks. */
export async function handleDigest(
  deps: SlackDeps,
  client: webApi.WebClient,
  respond: RespondFn,
  req: DigestRequest,
): Promise<void> {
  // Escaped: a status or a subscription echoes the topics as the user typed them.
  const say = async (text: string) =>
    void (await respond({ response_type: "ephemeral", text: escapeMrkdwn(text) }));
  if (!deps.store) return say(digestRefusalText({ code: "disabled" }));
  const cmd = parseDigestCommand(req.text);
  const refused = changesSubscription(cmd) ? await refusal(client, req) : null;
  if (refused) return say(digestRefusalText(refused));
  const result = await runDigestCommand(
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
  if (result.kind !== "preview") return say(digestResultText(result));
  const msg = renderDigestBlocks(result.digest);
  await respond({ response_type: "ephemeral", text: msg.text, blocks: msg.blocks });
}
