import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { AppError } from "./errors.js";

const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined));

/**
 * The documents shipped with the project (the default corpus directory starts as a copy of them), found from
 * this file's place — src/config.ts, or dist/src/config.js in a build — wherever the process was started.
 */
export const SEEDS_DIR = fileURLToPath(
  new URL(import.meta.url.endsWith(".ts") ? "../seeds" : "../../seeds", import.meta.url),
);

/** The default corpus directory, inside DATA_DIR: users' documents never go into the repository's files. */
const DEFAULT_CORPUS = "corpus";

const schema = z.object({
  CORPUS_DIR: optionalText,
  DATA_DIR: z.string().trim().min(1).default("data"),
  SYNONYMS_FILE: optionalText,
  /**
   * PostgreSQL for state and search (several replicas on one database); unset: SQLite and an in-process index
   * in DATA_DIR.
   */
  DATABASE_URL: optionalText.refine((v) => v === undefined || /^postgres(ql)?:\/\/\S+$/.test(v), {
    message:
      "use a postgres:// (or postgresql://) connection URL, e.g. postgres://bot@db.internal:5432/policy",
  }),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  TELEGRAM_BOT_TOKEN: optionalText,
  TELEGRAM_API_ROOT: z.url().optional(),
  TELEGRAM_WEBHOOK_URL: z.url().optional(),
  /** Telegram's rule for a webhook's secret_token; the header must then equal it exactly. */
  TELEGRAM_WEBHOOK_SECRET: optionalText.refine((v) => v === undefined || /^[A-Za-z0-9_-]{1,256}$/.test(v), {
    message: "use 1–256 characters from A-Z, a-z, 0-9, _ and - (what Telegram accepts as secret_token)",
  }),
  TELEGRAM_ALLOWED_CHATS: optionalText,
  /** The largest document read or ingested, in MB (the corpus reader's fileMb limit too). */
  MAX_DOC_MB: z.coerce
    .number({ message: "must be a positive number of megabytes (default 20)" })
    .positive({ message: "must be a positive number of megabytes (default 20)" })
    .default(20),
  /** Questions per user per minute, on every platform. */
  RATE_LIMIT: z.coerce.number().int().min(1).optional(),
  /** The old, Telegram-only name of RATE_LIMIT; still read. */
  TELEGRAM_RATE_LIMIT: z.coerce.number().int().min(1).optional(),
  SLACK_BOT_TOKEN: optionalText,
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: optionalText,
  SLACK_API_URL: z.url().optional(),
  /** Feishu / Lark (adapters/feishu): the app's credentials from the developer console. */
  FEISHU_APP_ID: optionalText.refine((v) => v === undefined || /^cli_[0-9a-f]{16}$/i.test(v), {
    message: "use the App ID from the developer console's Credentials page: cli_ and 16 hex digits",
  }),
  FEISHU_APP_SECRET: optionalText,
  /** The Open Platform's base URL: Feishu by default, https://open.larksuite.com for Lark, or a test double. */
  FEISHU_API_URL: z.url().optional(),
  /** Set for the HTTP event callback on PORT (/feishu/events) instead of the long connection. */
  FEISHU_VERIFY_TOKEN: optionalText,
  /** The callback's Encrypt Key: bodies are decrypted and their signatures checked. */
  FEISHU_ENCRYPT_KEY: optionalText,
  /** DingTalk (adapters/dingtalk): the robot app's Client ID (AppKey) and Client Secret (AppSecret). */
  DINGTALK_CLIENT_ID: optionalText,
  DINGTALK_CLIENT_SECRET: optionalText,
  /** The robot's code for group messages (digests); the Client ID when unset, as for an app's own robot. */
  DINGTALK_ROBOT_CODE: optionalText,
  /** DingTalk's OpenAPI base URL (Stream gateway, access token, group messages): a test double, or another edition. */
  DINGTALK_API_URL: z.url().optional(),
  /** WeCom (adapters/wecom): the intelligent robot's Bot ID and Secret (API mode, long connection). */
  WECOM_BOT_ID: optionalText,
  WECOM_BOT_SECRET: optionalText,
  /** The robot's WebSocket endpoint: WeCom's by default, or a test double. */
  WECOM_WS_URL: z.url().optional(),
  /** Least severe log line written: fatal, error, warn, info, debug, trace or silent. */
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** How long each platform's first call at start (getMe, setWebhook, auth.test) may take. */
  STARTUP_TIMEOUT_SECONDS: z.coerce.number().positive().max(600).default(15),
  /** How long a stop waits for replies under way before closing the store anyway. */
  SHUTDOWN_TIMEOUT_SECONDS: z.coerce.number().positive().max(600).default(10),
});

/** Questions per user per minute when RATE_LIMIT is not set. */
const DEFAULT_RATE_LIMIT = 20;

/**
 * The validated configuration of a process; RATE_LIMIT is resolved (its old name TELEGRAM_RATE_LIMIT
 * included), and CORPUS_DIR (DATA_DIR/corpus unless set).
 */
export type Config = Omit<z.infer<typeof schema>, "RATE_LIMIT" | "TELEGRAM_RATE_LIMIT" | "CORPUS_DIR"> & {
  RATE_LIMIT: number;
  CORPUS_DIR: string;
  /**
   * What a default CORPUS_DIR starts as a copy of, on first use (src/corpus/prepare-corpus.ts): the shipped
   * seeds. Null when CORPUS_DIR is set: that directory is used as it is.
   */
  corpusSeedDir: string | null;
};

/** RATE_LIMIT, else its old name TELEGRAM_RATE_LIMIT, else the default; two different values are a mistake. */
function rateLimit(c: z.infer<typeof schema>): number {
  const { RATE_LIMIT: limit, TELEGRAM_RATE_LIMIT: old } = c;
  if (limit !== undefined && old !== undefined && limit !== old)
    throw new AppError(
      "CONFIG_INVALID",
      `RATE_LIMIT=${limit} and TELEGRAM_RATE_LIMIT=${old} disagree — TELEGRAM_RATE_LIMIT is the old name of RATE_LIMIT: unset it`,
    );
  return limit ?? old ?? DEFAULT_RATE_LIMIT;
}

/** Parses configuration from an environment; every problem is listed, each naming its variable. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new AppError("CONFIG_INVALID", `invalid configuration:\n${lines.join("\n")}`);
  }
  const { TELEGRAM_RATE_LIMIT: _old, ...c } = {
    ...result.data,
    RATE_LIMIT: rateLimit(result.data),
    CORPUS_DIR: result.data.CORPUS_DIR ?? join(result.data.DATA_DIR, DEFAULT_CORPUS),
    corpusSeedDir: result.data.CORPUS_DIR ? null : SEEDS_DIR,
  };
  if (c.SLACK_BOT_TOKEN && !c.SLACK_APP_TOKEN && !c.SLACK_SIGNING_SECRET)
    throw new AppError(
      "CONFIG_INVALID",
      "SLACK_SIGNING_SECRET is required with SLACK_BOT_TOKEN in HTTP mode (or set SLACK_APP_TOKEN for Socket Mode)",
    );
  if (c.TELEGRAM_WEBHOOK_URL && !c.TELEGRAM_WEBHOOK_SECRET)
    throw new AppError("CONFIG_INVALID", "TELEGRAM_WEBHOOK_SECRET is required with TELEGRAM_WEBHOOK_URL");
  if (c.TELEGRAM_WEBHOOK_URL && c.SLACK_BOT_TOKEN && !c.SLACK_APP_TOKEN)
    throw new AppError(
      "CONFIG_INVALID",
      "Telegram webhook and Slack HTTP mode would both listen on PORT — unset TELEGRAM_WEBHOOK_URL (long polling) or set SLACK_APP_TOKEN (Socket Mode)",
    );
  checkPlatformPairs(c);
  return c;
}

/** Credentials that only work together, and the one PORT only one HTTP endpoint can listen on. */
function checkPlatformPairs(c: Omit<Config, "corpusSeedDir">): void {
  const pairs = [
    ["FEISHU_APP_ID", "FEISHU_APP_SECRET"],
    ["DINGTALK_CLIENT_ID", "DINGTALK_CLIENT_SECRET"],
    ["WECOM_BOT_ID", "WECOM_BOT_SECRET"],
  ] as const;
  for (const [a, b] of pairs)
    if (Boolean(c[a]) !== Boolean(c[b]))
      throw new AppError("CONFIG_INVALID", `${a} and ${b} go together — set both (or neither)`);
  const feishuHttp = Boolean(c.FEISHU_APP_ID && c.FEISHU_VERIFY_TOKEN);
  const slackHttp = Boolean(c.SLACK_BOT_TOKEN && !c.SLACK_APP_TOKEN);
  if (feishuHttp && (slackHttp || c.TELEGRAM_WEBHOOK_URL))
    throw new AppError(
      "CONFIG_INVALID",
      "the Feishu HTTP callback would share PORT with the Telegram webhook or Slack's HTTP mode — unset FEISHU_VERIFY_TOKEN (long connection) or move the other platform off HTTP",
    );
}
