import { z } from "zod";
import { AppError } from "./errors.js";

const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined));

const schema = z.object({
  CORPUS_DIR: z.string().trim().min(1).default("seeds"),
  DATA_DIR: z.string().trim().min(1).default("data"),
  SYNONYMS_FILE: optionalText,
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  TELEGRAM_BOT_TOKEN: optionalText,
  TELEGRAM_API_ROOT: z.url().optional(),
  TELEGRAM_WEBHOOK_URL: z.url().optional(),
  TELEGRAM_WEBHOOK_SECRET: optionalText,
  TELEGRAM_ALLOWED_CHATS: optionalText,
  TELEGRAM_RATE_LIMIT: z.coerce.number().int().min(1).default(20),
  SLACK_BOT_TOKEN: optionalText,
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: optionalText,
  SLACK_API_URL: z.url().optional(),
});

/** The validated configuration of a process. */
export type Config = z.infer<typeof schema>;

/** Parses configuration from an environment; every problem is listed, each naming its variable. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new AppError("CONFIG_INVALID", `invalid configuration:\n${lines.join("\n")}`);
  }
  const c = result.data;
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
  return c;
}
