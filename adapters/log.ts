import { type Logger, pino } from "pino";
import { prettyFactory } from "pino-pretty";
import type { Config } from "../src/mod.js";

/** The process's structured logger (pino). Core code never sees it: it gets plain `log` functions. */
export type Log = Logger;

/** Where finished log lines go: stderr by default, a test's array otherwise. */
export interface LogSink {
  write(line: string): void;
}

/** How to build the logger. */
export interface LogOptions {
  level: Config["LOG_LEVEL"];
  /** Human-readable lines (a terminal) rather than one JSON object a line. */
  pretty: boolean;
  /** Values that must never appear in a log line (tokens, secrets): each is replaced by [redacted]. */
  secrets: readonly (string | undefined)[];
  sink?: LogSink;
}

/** Configuration variables whose values are credentials: by name, so a new *_TOKEN or *_SECRET is covered too. */
const SECRET_NAME = /TOKEN|SECRET|PASSWORD|KEY/;

/** Shorter values would redact ordinary words; no real token is this short. */
const MIN_SECRET_LENGTH = 6;

/** The credential values of a configuration. */
export function secretsOf(config: Record<string, unknown>): string[] {
  return Object.entries(config)
    .filter(([name, value]) => SECRET_NAME.test(name) && typeof value === "string")
    .map(([, value]) => value as string);
}

/** Replaces every secret, raw or JSON-escaped, in a finished line: it covers messages, objects and stacks alike. */
function scrubber(secrets: readonly (string | undefined)[]): (line: string) => string {
  const forms = secrets
    .filter((s): s is string => typeof s === "string" && s.length >= MIN_SECRET_LENGTH)
    .flatMap((s) => [s, JSON.stringify(s).slice(1, -1), encodeURIComponent(s)]);
  const unique = [...new Set(forms)].sort((a, b) => b.length - a.length);
  return (line) => unique.reduce((out, s) => out.split(s).join("[redacted]"), line);
}

/** Builds the logger: JSON lines, or pretty ones on a terminal; written synchronously so exit loses none. */
export function createLog(o: LogOptions): Log {
  const scrub = scrubber(o.secrets);
  const sink = o.sink ?? { write: (line: string) => void process.stderr.write(line) };
  const prettify = o.pretty
    ? prettyFactory({ colorize: true, translateTime: "SYS:HH:MM:ss", ignore: "pid,hostname" })
    : null;
  const destination = {
    write(line: string) {
      const clean = scrub(line);
      sink.write(prettify ? prettify(clean) : clean);
    },
  };
  return pino({ level: o.level, base: { pid: process.pid } }, destination);
}

/** The logger `npm start` uses: LOG_LEVEL, pretty when stderr is a terminal, the configuration's secrets redacted. */
export function logFromConfig(config: Config, sink?: LogSink): Log {
  const pretty = !sink && Boolean(process.stderr.isTTY);
  return createLog({
    level: config.LOG_LEVEL,
    pretty,
    secrets: secretsOf(config),
    ...(sink ? { sink } : {}),
  });
}

/** A `log(line)` function for code that takes one (the core, the digest scheduler), at one level. */
export function lineLog(log: Log, level: "info" | "warn" | "error" = "info"): (line: string) => void {
  return (line) => log[level](line);
}
