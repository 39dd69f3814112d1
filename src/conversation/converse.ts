import type { Reply } from "../answer/reply.js";
import type { Engine } from "../engine.js";
import { figureCount, MAX_CLAIM_FIGURES, MAX_QUESTION_LENGTH, textLength } from "./length-limit.js";
import { type ParsedMessage, parseMessage, withoutMentions } from "./parse-message.js";
import type { RateLimiter } from "./rate-limiter.js";
import type { WorkQueue } from "./work-queue.js";

/** Whether a text is answered as a question or checked as a claim. */
export type AskMode = "ask" | "check";

/** Why a question or claim did not reach the engine. */
export type Refusal =
  | { code: "empty"; mode: AskMode }
  | { code: "too-long"; mode: AskMode; length: number; limit: number }
  | { code: "too-many-figures"; count: number; limit: number }
  | { code: "rate-limited"; limit: number; windowMs: number };

/**
 * What the conversation made of a message: a reply to render (with the text that was asked), a refusal to
 * word, a command for the adapter to run, or nothing to answer.
 */
export type Outcome =
  | { kind: "reply"; reply: Reply; asked: string }
  | {
      kind: "refused";
      refusal: Refusal;
      /** A rate limit this user was told about already in this window: a message need not say it again. */
      repeated?: boolean;
    }
  | { kind: "command"; name: string; args: string }
  | { kind: "empty" };

/** A question or claim, as a platform command hands it over (/ask, Slack's /factcheck) or a message parses. */
export type Request = Extract<ParsedMessage, { kind: "ask" | "check" }>;

/** What becomes of a question or claim: a reply, or a refusal. */
export type Answer = Extract<Outcome, { kind: "reply" | "refused" }>;

/** What a single question or claim may hold, whoever asks it. */
export interface InputLimits {
  /** Longest question or claim, in characters (default MAX_QUESTION_LENGTH). */
  maxLength?: number;
  /** Most figures in one claim (default MAX_CLAIM_FIGURES). */
  maxFigures?: number;
}

/** What a conversation runs on; each adapter builds one. */
export interface Conversation extends InputLimits {
  engine: Pick<Engine, "ask" | "check">;
  /** Questions per user per window; null for no limit (a terminal has one user). */
  limiter: RateLimiter | null;
  /** Where a chat platform's engine work waits its turn (converseInTurn); a terminal answers at once. */
  queue?: WorkQueue;
}

/** Parses a message and answers it: the one path from a user's text to the engine, the same on every platform. */
export async function converse(c: Conversation, userId: string, text: string): Promise<Outcome> {
  const message = parseMessage(text);
  if (message.kind === "empty" || message.kind === "command") return message;
  return answerRequest(c, userId, message);
}

/**
 * Answers a question or claim whose kind is already known (a platform command says it: /factcheck is a
 * claim). Empty and too-long texts are refused before the rate limit, so they do not use up a user's questions.
 */
export async function answerRequest(c: Conversation, userId: string, request: Request): Promise<Answer> {
  const admitted = admit(c, userId, request);
  return admitted.kind === "refused" ? admitted : answerAdmitted(c, admitted);
}

/** A request past its limits: its text without mentions, ready for the engine. */
interface Admitted {
  kind: "admitted";
  mode: AskMode;
  text: string;
}

/** The cheap part of a request: its mentions dropped, its input and rate limits checked. */
function admit(
  c: Conversation,
  userId: string,
  request: Request,
): Admitted | Extract<Answer, { kind: "refused" }> {
  // A command's text was never parsed as a message: its mentions go here ("/factcheck <!here> …").
  const text = withoutMentions(request.text);
  const refusal = refusalFor(c, userId, request.kind, text);
  return refusal ? { kind: "refused", refusal } : { kind: "admitted", mode: request.kind, text };
}

/** The engine's part: the reply to an admitted request. */
async function answerAdmitted(c: Conversation, a: Admitted): Promise<Answer> {
  const reply = a.mode === "check" ? await c.engine.check(a.text) : await c.engine.ask(a.text);
  return { kind: "reply", reply, asked: a.text };
}

/**
 * Why a question or claim is refused whoever sends it: empty, too long, or (a claim) too many figures. The
 * length is checked first, so that counting figures reads at most a text of the longest length allowed.
 */
export function inputRefusal(mode: AskMode, text: string, limits: InputLimits = {}): Refusal | null {
  if (!text) return { code: "empty", mode };
  const limit = limits.maxLength ?? MAX_QUESTION_LENGTH;
  const length = textLength(text);
  if (length > limit) return { code: "too-long", mode, length, limit };
  if (mode === "ask") return null;
  const count = figureCount(text);
  const most = limits.maxFigures ?? MAX_CLAIM_FIGURES;
  return count > most ? { code: "too-many-figures", count, limit: most } : null;
}

function refusalFor(c: Conversation, userId: string, mode: AskMode, text: string): Refusal | null {
  const refusal = inputRefusal(mode, text, c);
  if (refusal) return refusal;
  if (c.limiter && !c.limiter.take(userId))
    return { code: "rate-limited", limit: c.limiter.limit, windowMs: c.limiter.windowMs };
  return null;
}

/**
 * converse() for a chat platform, after it has acknowledged the request: the limits are checked at once and
 * only the engine's work waits in the user's turn of the work queue, so the queue holds at most a rate limit's
 * worth of jobs a user and never delays another request's acknowledgement. A rate-limit refusal after the
 * first one of its window is marked `repeated`: a chat message need not answer a flood a thousand times.
 */
export function converseInTurn(c: Conversation, userId: string, text: string): Promise<Outcome> {
  const message = parseMessage(text);
  if (message.kind === "empty" || message.kind === "command") return Promise.resolve(message);
  const admitted = admit(c, userId, message);
  if (admitted.kind === "refused") {
    const repeated = admitted.refusal.code === "rate-limited" && !c.limiter?.tellRefusal(userId);
    return Promise.resolve(repeated ? { ...admitted, repeated } : admitted);
  }
  return inTurn(c, userId, () => answerAdmitted(c, admitted));
}

/**
 * answerRequest() in the user's turn of the work queue (a command: /ask, /factcheck): limits checked at once,
 * the engine's work queued. A command is explicit, so its refusal is always said.
 */
export function answerInTurn(c: Conversation, userId: string, request: Request): Promise<Answer> {
  const admitted = admit(c, userId, request);
  if (admitted.kind === "refused") return Promise.resolve(admitted);
  return inTurn(c, userId, () => answerAdmitted(c, admitted));
}

function inTurn<T>(c: Conversation, userId: string, work: () => Promise<T>): Promise<T> {
  if (c.queue) return c.queue.run(userId, work);
  return work();
}
