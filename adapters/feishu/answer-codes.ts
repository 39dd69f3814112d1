/**
 * Feishu answer codes that mean "not carried out: try again later", in one table. None of them is documented in
 * the SDK's text in node_modules except 99991400 (its API docs: 应用频率限制 → HTTP 400 and 99991400); the
 * others are from Feishu's server-side error code list (open.feishu.cn, 服务端错误码 and im/v1/messages 发送消息).
 * The SDK's own channel classifier files 230020 under target_revoked; Feishu's 发送消息 page lists it as
 * "This operation triggers the frequency limit" (the per-chat limit), which is what a digest must wait out.
 */
export const FEISHU_RETRY_CODES: ReadonlyMap<number, { why: string; token?: true }> = new Map([
  [99991400, { why: "app request frequency limit (应用频率限制)" }],
  [230020, { why: "chat message frequency limit (发送消息: 当前操作触发限频)" }],
  [99991661, { why: "access token missing from the request", token: true }],
  [99991663, { why: "tenant access token invalid (expired or revoked)", token: true }],
  [99991668, { why: "access token invalid for this request", token: true }],
] as const);

/** What a code asks of the caller: wait and retry (and, for a token code, fetch a new token first), or nothing. */
export function retryOf(code: number | null): { token: boolean } | null {
  const entry = code === null ? undefined : FEISHU_RETRY_CODES.get(code);
  return entry ? { token: entry.token === true } : null;
}
