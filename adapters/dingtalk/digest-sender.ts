import {
  DELIVERY_POLICY,
  type Digest,
  type DigestChannel,
  networkOutcome,
  type SendOutcome,
} from "../../src/mod.js";
import { digestBlocks, packBlocks } from "../markdown/digest-blocks.js";
import { LOOK_ALIKE_MD } from "../markdown/look-alike.js";
import { postJson } from "./api.js";
import { DINGTALK_DEFAULT_URL, DingTalkError } from "./gateway-client.js";
import { MARKDOWN_MAX } from "./robot-message.js";

/** How the robot reaches DingTalk's OpenAPI for messages it starts itself. */
export interface RobotApi {
  apiUrl?: string;
  clientId: string;
  clientSecret: string;
  /** The robot's code (DINGTALK_ROBOT_CODE, else the Client ID). */
  robotCode: string;
}

/** A digest as markdown messages within the reply limit, cut between documents. */
export function renderDigestMarkdown(d: Digest): string[] {
  return packBlocks(digestBlocks(LOOK_ALIKE_MD, d), (t) => t.length <= MARKDOWN_MAX);
}

/**
 * What a failed send means for a digest: 429 or "send too fast" is retried after a second; a network error as
 * `networkOutcome` rules for every platform; a 5xx may have delivered it; any other answer is a refusal.
 */
export function dingTalkSendOutcome(e: unknown): SendOutcome {
  if (!(e instanceof DingTalkError))
    return { kind: "unknown", reason: e instanceof Error ? e.message : String(e) };
  if (e.retryAfterMs !== null) return { kind: "retry", afterMs: e.retryAfterMs, reason: e.message };
  if (e.status === 0) return networkOutcome(e.errno ?? "", e.message);
  if (e.status >= 500) return { kind: "unknown", reason: `HTTP ${e.status}` };
  return { kind: "refused", reason: `${e.code ?? e.status} ${e.message}` };
}

/**
 * The app's access token (POST /v1.0/oauth2/accessToken), kept until five minutes before it expires or until
 * `forget()` (DingTalk refused it). The token request refused is the credentials refused: not a retry.
 */
function accessTokens(api: RobotApi, root: string, clock: () => number) {
  let cached: { token: string; until: number } | null = null;
  const fetchToken = async (signal?: AbortSignal): Promise<string> => {
    if (cached && cached.until > clock()) return cached.token;
    const body = { appKey: api.clientId, appSecret: api.clientSecret };
    const res = await postJson<{ accessToken?: string; expireIn?: number }>(
      `${root}/v1.0/oauth2/accessToken`,
      body,
      {},
      { timeoutMs: DELIVERY_POLICY.sendTimeoutMs, ...(signal ? { signal } : {}) },
    ).catch((e: unknown) => {
      if (!(e instanceof DingTalkError) || !e.tokenRejected) throw e;
      throw new DingTalkError(e.status, e.code, `access token refused: ${e.message}`, null, e.errno);
    });
    if (!res.accessToken) throw new DingTalkError(200, null, "no accessToken in the answer");
    cached = { token: res.accessToken, until: clock() + ((res.expireIn ?? 7200) - 300) * 1000 };
    return cached.token;
  };
  return {
    fetch: fetchToken,
    forget: () => {
      cached = null;
    },
  };
}

/** What batchSend answers for one user: 200 with the user listed as invalid (refused) or flow-controlled (retry). */
interface BatchAnswer {
  processQueryKey?: string;
  invalidStaffIdList?: string[];
  flowControlledStaffIdList?: string[];
}

/** A 200 that did not deliver: the user unknown to the robot (refused), or held back for its rate (retry). */
function undelivered(res: BatchAnswer, user: string | null): SendOutcome | null {
  if (user === null) return null;
  if (res.invalidStaffIdList?.includes(user)) return { kind: "refused", reason: `invalid staff id ${user}` };
  if (res.flowControlledStaffIdList?.includes(user))
    return { kind: "retry", afterMs: 60_000, reason: `flow controlled: ${user}` };
  return null;
}

/**
 * Digests through the robot's own message APIs (no session webhook: a digest starts the conversation): a group
 * by its openConversationId (groupMessages/send), a one-to-one chat "user:staffId" (oToMessages/batchSend), as
 * sampleMarkdown messages. One send each, no retries (the scheduler decides), cancelled when given up; a refused
 * token is forgotten, so the scheduler's retry fetches a new one.
 */
export function dingTalkDigestSender(api: RobotApi, clock: () => number = Date.now): DigestChannel {
  const root = api.apiUrl ?? DINGTALK_DEFAULT_URL;
  const token = accessTokens(api, root, clock);
  return {
    render: renderDigestMarkdown,
    send: async (chatId, text, abandon) => {
      const msg = { msgKey: "sampleMarkdown", msgParam: JSON.stringify({ title: "每日政策摘要", text }) };
      const user = chatId.startsWith("user:") ? chatId.slice(5) : null;
      const [path, target] = user
        ? ["/v1.0/robot/oToMessages/batchSend", { userIds: [user] }]
        : ["/v1.0/robot/groupMessages/send", { openConversationId: chatId }];
      try {
        const headers = { "x-acs-dingtalk-access-token": await token.fetch(abandon) };
        const options = { timeoutMs: DELIVERY_POLICY.sendTimeoutMs, ...(abandon ? { signal: abandon } : {}) };
        const res = await postJson<BatchAnswer>(
          `${root}${path}`,
          { robotCode: api.robotCode, ...target, ...msg },
          headers,
          options,
        );
        return undelivered(res, user) ?? { kind: "sent", messageId: res.processQueryKey ?? "" };
      } catch (e) {
        if (e instanceof DingTalkError && e.tokenRejected) token.forget();
        return dingTalkSendOutcome(e);
      }
    },
  };
}
