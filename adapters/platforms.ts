import type { Config, DigestChannel, Engine, Platform, Store } from "../src/mod.js";
import type { Health } from "./health.js";
import type { InFlight } from "./in-flight.js";
import type { Log } from "./log.js";

/** What every platform is started with. */
export interface PlatformRuntime {
  engine: Engine;
  config: Config;
  store: Store | null;
  log: Log;
  health: Health;
  inFlight: InFlight;
  /** A platform that dies while running calls this (the process stops for its supervisor to restart it). */
  onFailure: (line: string) => void;
}

/** A platform connected: its mode for the log ("long polling", "socket mode"), how to stop it, its digest channel. */
export interface RunningPlatform {
  name: Platform;
  mode: string;
  /** Stops taking updates; a platform that drains its own replies stops waiting when `giveUp` aborts. */
  stop(giveUp?: AbortSignal): Promise<void>;
  digests: DigestChannel;
}

/** A chat platform the bot can serve: when it is configured, and how it is started. */
interface PlatformEntry {
  name: Platform;
  configured(c: Config): boolean;
  start(r: PlatformRuntime): Promise<RunningPlatform>;
}

/**
 * Every platform, in starting order. Each one's SDK is imported only when it is configured: together they weigh
 * ~170 MB of resident memory (the Feishu SDK alone ~67 MB), which a replica serving one platform does not carry.
 */
export const PLATFORMS: PlatformEntry[] = [
  {
    name: "telegram",
    configured: (c) => Boolean(c.TELEGRAM_BOT_TOKEN),
    start: async (r) => {
      const { startTelegram } = await import("./telegram/start.js");
      const { telegramDigestSender } = await import("./telegram/digest-sender.js");
      const log = r.log.child({ platform: "telegram" });
      const h = await startTelegram(r.engine, r.config, r.store, {
        log: (line, fields) => (fields ? log.error(fields, line) : log.warn(line)),
        health: r.health,
        inFlight: r.inFlight,
        onFailure: r.onFailure,
      });
      return { name: "telegram", mode: h.mode, stop: h.stop, digests: telegramDigestSender(h.bot.api) };
    },
  },
  {
    name: "slack",
    configured: (c) => Boolean(c.SLACK_BOT_TOKEN),
    start: async (r) => {
      const { startSlack } = await import("./slack/start.js");
      const { slackDigestSender } = await import("./slack/digest-sender.js");
      const { boltLogger } = await import("./slack/bolt-logger.js");
      const logger = boltLogger(r.log.child({ platform: "slack" }));
      const h = await startSlack(r.engine, r.config, r.store, {
        logger,
        health: r.health,
        inFlight: r.inFlight,
      });
      const digests = slackDigestSender(h.app.client, boltLogger(r.log.child({ component: "digest" })));
      return { name: "slack", mode: h.mode, stop: h.stop, digests };
    },
  },
  {
    name: "feishu",
    configured: (c) => Boolean(c.FEISHU_APP_ID),
    start: async (r) => {
      const { startFeishu } = await import("./feishu/start.js");
      const { feishuDigestSender } = await import("./feishu/digest-sender.js");
      const h = await startFeishu(r.engine, r.config, r.store, {
        ...runtimeOf(r),
        log: r.log.child({ platform: "feishu" }),
      });
      return { name: "feishu", mode: h.mode, stop: h.stop, digests: feishuDigestSender(h.bot.deps.api) };
    },
  },
  {
    name: "dingtalk",
    configured: (c) => Boolean(c.DINGTALK_CLIENT_ID),
    start: async (r) => {
      const { startDingTalk } = await import("./dingtalk/start.js");
      const { dingTalkDigestSender } = await import("./dingtalk/digest-sender.js");
      const h = await startDingTalk(r.engine, r.config, r.store, {
        ...runtimeOf(r),
        log: r.log.child({ platform: "dingtalk" }),
      });
      return {
        name: "dingtalk",
        mode: h.mode,
        stop: h.stop,
        digests: dingTalkDigestSender(dingTalkRobot(r.config)),
      };
    },
  },
  {
    name: "wecom",
    configured: (c) => Boolean(c.WECOM_BOT_ID),
    start: async (r) => {
      const { startWeCom } = await import("./wecom/start.js");
      const { weComDigestSender } = await import("./wecom/digest-sender.js");
      const h = await startWeCom(r.engine, r.config, r.store, {
        ...runtimeOf(r),
        log: r.log.child({ platform: "wecom" }),
      });
      return { name: "wecom", mode: h.mode, stop: h.stop, digests: weComDigestSender(h.client) };
    },
  },
];

/** What Feishu, DingTalk and WeCom take besides the engine, config and store. */
function runtimeOf(r: PlatformRuntime) {
  return { log: r.log, health: r.health, inFlight: r.inFlight, onFailure: r.onFailure };
}

/** The DingTalk robot's own API, for digests. */
function dingTalkRobot(config: Config) {
  const clientId = config.DINGTALK_CLIENT_ID ?? "";
  return {
    ...(config.DINGTALK_API_URL ? { apiUrl: config.DINGTALK_API_URL } : {}),
    clientId,
    clientSecret: config.DINGTALK_CLIENT_SECRET ?? "",
    robotCode: config.DINGTALK_ROBOT_CODE ?? clientId,
  };
}

/** The platforms with credentials set: with none, `npm start` is a terminal chat. */
export function configuredPlatforms(config: Config): PlatformEntry[] {
  return PLATFORMS.filter((p) => p.configured(config));
}
