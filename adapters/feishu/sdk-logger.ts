import type { Log } from "../log.js";

/**
 * The Feishu SDK's logger interface over the process's logger. The SDK logs its own chatter at info ("client
 * ready", the long connection's banner): that goes to debug here; its warnings and errors stay what they are,
 * except the API client's (`callErrors: "debug"`): every failed call is the adapter's to report, in the one line
 * of the update or digest it failed.
 */
export function sdkLogger(log: Log, o: { callErrors?: "error" | "debug" } = {}) {
  const line = (msg: unknown[]): string => msg.map(short).join(" ");
  const errorLevel = o.callErrors ?? "error";
  return {
    error: (...msg: unknown[]) => log[errorLevel](`feishu sdk: ${line(msg)}`),
    warn: (...msg: unknown[]) => log.warn(`feishu sdk: ${line(msg)}`),
    info: (...msg: unknown[]) => log.debug(`feishu sdk: ${line(msg)}`),
    debug: (...msg: unknown[]) => log.debug(`feishu sdk: ${line(msg)}`),
    trace: (...msg: unknown[]) => log.trace(`feishu sdk: ${line(msg)}`),
  };
}

/**
 * One short piece of a line: the SDK logs whole HTTP errors (their request config, headers and body included),
 * of which the message says what went wrong; the adapter's own line carries the rest.
 */
function short(m: unknown): string {
  if (typeof m === "string") return m;
  if (Array.isArray(m)) return m.map(short).join(" ");
  const message = (m as { message?: unknown } | null)?.message;
  if (typeof message === "string") return message;
  const text = JSON.stringify(m) ?? String(m);
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}
