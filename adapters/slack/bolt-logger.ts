import { type Logger, LogLevel } from "@slack/bolt";
import type { Log } from "../log.js";

const LEVELS: Record<string, LogLevel> = {
  trace: LogLevel.DEBUG,
  debug: LogLevel.DEBUG,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
  error: LogLevel.ERROR,
  fatal: LogLevel.ERROR,
  silent: LogLevel.ERROR,
};

/**
 * Bolt's and the Web API client's logger interface over the process's pino logger: a leading object becomes the
 * line's fields. LOG_LEVEL rules: Bolt's setLevel is ignored.
 */
export function boltLogger(log: Log): Logger {
  const at =
    (level: "debug" | "info" | "warn" | "error") =>
    (...msg: unknown[]): void => {
      const [first, ...rest] = msg;
      if (first && typeof first === "object" && !(first instanceof Error))
        log[level](first, rest.map(String).join(" "));
      else if (first instanceof Error)
        log[level]({ err: first }, [first.message, ...rest.map(String)].join(" "));
      else log[level](msg.map(String).join(" "));
    };
  return {
    debug: at("debug"),
    info: at("info"),
    warn: at("warn"),
    error: at("error"),
    setLevel: () => {},
    getLevel: () => LEVELS[log.level] ?? LogLevel.INFO,
    setName: () => {},
  };
}
