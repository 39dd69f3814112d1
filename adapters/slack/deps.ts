import type { Logger } from "@slack/bolt";
import type { Reply } from "../../src/answer/reply.js";
import type { Engine } from "../../src/engine.js";
import type { FeedbackRecord } from "../../src/store/feedback.js";
import type { Store } from "../../src/store/open-store.js";
import type { ReplyCache } from "../reply-cache.js";
import type { Request } from "./parse-input.js";

/** What the listeners share: the engine, the reply cache, where feedback goes, and a logger. */
export interface SlackDeps {
  engine: Engine;
  cache: ReplyCache;
  /** Saves a 👍/👎. */
  recordFeedback: (record: FeedbackRecord) => void;
  /** Subscriptions for /digest; null when the app runs without a store. */
  store: Store | null;
  clock: () => Date;
  logger: Logger;
  /** Answers per page before 更多来源. */
  perPage: number;
}

/** Runs a request through the engine: a question is asked, a claim is checked. */
export function replyFor(engine: Engine, req: Request): Reply {
  return req.kind === "check" ? engine.check(req.text) : engine.ask(req.text);
}

/** Shown when the message has nothing to ask. */
export const USAGE =
  "请输入问题，例如“新增学位多少”；以“核实”开头可核查一个说法，例如“核实 新增学位28万个”。";

/** Shown when a button's reply is no longer in the cache. */
export const EXPIRED = "这条回答已过期，请重新提问。";

/** Shown to the user when a handler fails. */
export const FAILED = "出错了，请稍后再试";
