import type { App } from "@slack/bolt";
import type { Config } from "../../src/config.js";
import type { Engine } from "../../src/engine.js";
import { AppError } from "../../src/errors.js";
import type { Store } from "../../src/store/open-store.js";
import { createSlackApp } from "./app.js";

/** Starts the Slack adapter: Socket Mode when SLACK_APP_TOKEN is set, else HTTP on PORT with signature checks. */
export async function startSlack(
  engine: Engine,
  config: Config,
  store: Store,
): Promise<{ stop(): Promise<void>; app: App }> {
  if (!config.SLACK_BOT_TOKEN) throw new AppError("CONFIG_INVALID", "SLACK_BOT_TOKEN is required for Slack");
  if (!config.SLACK_APP_TOKEN && !config.SLACK_SIGNING_SECRET)
    throw new AppError("CONFIG_INVALID", "SLACK_SIGNING_SECRET is required for Slack over HTTP");
  const app = createSlackApp(engine, {
    token: config.SLACK_BOT_TOKEN,
    signingSecret: config.SLACK_SIGNING_SECRET,
    appToken: config.SLACK_APP_TOKEN,
    port: config.PORT,
    store,
    clientOptions: config.SLACK_API_URL ? { slackApiUrl: config.SLACK_API_URL } : {},
  });
  if (config.SLACK_APP_TOKEN) await app.start();
  else await app.start(config.PORT);
  const mode = config.SLACK_APP_TOKEN ? "Socket Mode" : `HTTP on port ${config.PORT} (/slack/events)`;
  app.logger.info(`Slack adapter running: ${mode}`);
  return { stop: async () => void (await app.stop()), app };
}
