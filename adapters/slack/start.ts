import type { App } from "@slack/bolt";
import { AppError, type Config, type Engine, type Store } from "../../src/mod.js";
import { createSlackApp } from "./app.js";

/** Starts the Slack adapter: Socket Mode when SLACK_APP_TOKEN is set, else HTTP on PORT with signature checks. */
export async function startSlack(
  engine: Engine,
  config: Config,
  store: Store | null,
): Promise<{ stop(): Promise<void>; app: App }> {
  if (!config.SLACK_BOT_TOKEN) throw new AppError("CONFIG_INVALID", "SLACK_BOT_TOKEN is required for Slack");
  if (!config.SLACK_APP_TOKEN && !config.SLACK_SIGNING_SECRET)
    throw new AppError("CONFIG_INVALID", "SLACK_SIGNING_SECRET is required for Slack over HTTP");
  const app = createSlackApp(engine, {
    token: config.SLACK_BOT_TOKEN,
    signingSecret: config.SLACK_SIGNING_SECRET,
    appToken: config.SLACK_APP_TOKEN,
    port: config.PORT,
    rateLimit: config.RATE_LIMIT,
    store,
    clientOptions: config.SLACK_API_URL ? { slackApiUrl: config.SLACK_API_URL } : {},
  });
  if (config.SLACK_APP_TOKEN) await app.start();
  else await app.start(config.PORT);
  const mode = config.SLACK_APP_TOKEN ? "Socket Mode" : `HTTP on port ${config.PORT} (/slack/events)`;
  app.logger.info(`Slack adapter running: ${mode}`);
  return { stop: async () => void (await app.stop()), app };
}
