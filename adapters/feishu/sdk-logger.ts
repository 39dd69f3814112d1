import type { Log } from "../log.js";

/**
 * The Feishu SDK's logger interface over the process's logger. The SDK logs its own chatter at info ("client
 * ready", the long connection's banner): that goes to debug here; its warnings and errors stay what they are.
 */
export function sdkLogger(log: Log) {
  const line = (msg: unknown[]) =>
    msg
      .map((m) => (m instanceof Error ? m.message : typeof m === "string" ? m : JSON.stringify(m)))
      .join(" ");
  return {
    error: (...msg: unknown[]) => log.error(`feishu sdk: ${line(msg)}`),
    warn: (...msg: unknown[]) => log.warn(`feishu sdk: ${line(msg)}`),
    info: (...msg: unknown[]) => log.debug(`feishu sdk: ${line(msg)}`),
    debug: (...msg: unknown[]) => log.debug(`feishu sdk: ${line(msg)}`),
    trace: (...msg: unknown[]) => log.trace(`feishu sdk: ${line(msg)}`),
  };
}
