import { mkdtempSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type App, type Logger, LogLevel, type webApi } from "@slack/bolt";
import { createSlackApp, type SlackAppOptions } from "../../../adapters/slack/app.js";
import type { Engine } from "../../../src/engine.js";
import { openStore, type Store } from "../../../src/store/open-store.js";
import { FakeSlack } from "./fake-slack.js";
import { SECRET } from "./signed.js";

/** A running Bolt app over HTTP wired to a fake Slack. */
export interface Harness {
  app: App;
  slack: FakeSlack;
  /** The Bolt endpoint: http://127.0.0.1:PORT/slack/events */
  url: string;
  /** Bolt's HTTP server (to see connections arrive). */
  server: Server;
  dataDir: string;
  store: Store;
  stop(): Promise<void>;
}

/** Starts a fake Slack and the app on random 127.0.0.1 ports (retries off unless given); `options` override the app's. */
export async function startHarness(
  engine: Engine,
  retryConfig: webApi.RetryOptions = { retries: 0 },
  perPage = 3,
  logger?: Logger,
  options: Partial<SlackAppOptions> = {},
): Promise<Harness> {
  const slack = new FakeSlack();
  await slack.start();
  const dataDir = mkdtempSync(join(tmpdir(), "slack-test-"));
  const store = await openStore(dataDir);
  const app = createSlackApp(engine, {
    token: "xoxb-test",
    signingSecret: SECRET,
    store,
    logLevel: LogLevel.ERROR,
    perPage,
    ...(logger ? { logger } : {}),
    clientOptions: { slackApiUrl: slack.apiUrl, retryConfig },
    ...options,
  });
  const server = (await app.start({ port: 0, host: "127.0.0.1" })) as Server;
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
  return {
    app,
    slack,
    url,
    server,
    dataDir,
    store,
    stop: async () => {
      await app.stop();
      await slack.stop();
      await store.close();
    },
  };
}

/** A logger that keeps error lines in memory (for asserting what gets logged). */
export function memoryLogger(lines: string[]): Logger {
  const keep = (...msg: unknown[]) => void lines.push(msg.map(String).join(" "));
  const noop = () => {};
  return {
    debug: noop,
    info: noop,
    warn: keep,
    error: keep,
    setLevel: noop,
    getLevel: () => LogLevel.ERROR,
    setName: noop,
  };
}

/** All the text of a message's blocks (sections and contexts), for assertions. */
export function blocksText(blocks: unknown): string {
  return JSON.stringify(blocks ?? []);
}

/** Waits a little so that an unwanted second call would have had time to arrive. */
export function settle(ms = 400): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
