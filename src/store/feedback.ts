import type { Database } from "better-sqlite3";
import type { Citation, RatedAnswer } from "../answer/reply.js";

/** A 👍/👎 on an answer, from a chat platform. */
export interface FeedbackRecord {
  platform: "telegram" | "slack" | "console";
  chat: string;
  user: string;
  question: string;
  rating: "up" | "down";
  /** ISO time, from the caller's clock. */
  at: string;
  /**
   * The answer rated: the reply the buttons belong to (the reply cache's id) and the answer's index in it (a
   * Telegram page, a Slack page's first answer). A user has one vote per answer. Absent: every click is a row.
   */
  target?: VoteTarget;
  /** What was rated; absent in rows recorded before it was stored. */
  answer?: RatedAnswer;
}

/** Which answer of which reply a vote is on. */
export interface VoteTarget {
  replyId: string;
  index: number;
}

/** What a click did: a first vote, a vote changed to the other rating, or the same vote again (kept). */
export type VoteOutcome = "recorded" | "changed" | "kept";

/** A stored rating as reviewed: what was asked and rated, newest first. */
export interface FeedbackRow {
  platform: string;
  chat: string;
  user: string;
  question: string;
  rating: "up" | "down";
  at: string;
  kind: RatedAnswer["kind"] | null;
  figure: string | null;
  quote: string | null;
  source: Citation | null;
}

/** Which ratings to list: since a time (ISO, inclusive), of a rating. */
export interface FeedbackQuery {
  since?: string;
  rating?: "up" | "down";
}

/** Answer feedback: one row per user and answer of a reply. */
export interface FeedbackRepo {
  record(r: FeedbackRecord): Promise<VoteOutcome>;
  /** Ratings, newest first. */
  list(q?: FeedbackQuery): Promise<FeedbackRow[]>;
}

/** A row as the database holds it: the source as JSON. */
export type FeedbackDbRow = Omit<FeedbackRow, "source"> & { source: string | null };

/** A stored source back as a citation; a damaged one is shown as missing rather than failing the list. */
export function parseSource(json: string | null): Citation | null {
  if (!json) return null;
  try {
    return JSON.parse(json) as Citation;
  } catch {
    return null;
  }
}

/** What was rated, as the table's columns (the source as JSON); all null when it is not known. */
export function ratedColumns(a: RatedAnswer | undefined) {
  return {
    kind: a?.kind ?? null,
    figure: a?.figure ?? null,
    quote: a?.quote ?? null,
    source: a?.source ? JSON.stringify(a.source) : null,
  };
}

/** The feedback table. */
export function feedbackRepo(db: Database): FeedbackRepo {
  const insert = db.prepare(
    `INSERT INTO feedback
       (platform, chat, user, question, rating, at, reply_id, answer_index, kind, figure, quote, source)
     VALUES
       (@platform, @chat, @user, @question, @rating, @at, @replyId, @index, @kind, @figure, @quote, @source)`,
  );
  const vote = db.prepare(
    "SELECT id, rating FROM feedback WHERE platform = ? AND reply_id = ? AND answer_index = ? AND user = ?",
  );
  // The vote is on this very answer, so what it rated stays what was clicked; written again all the same, so
  // that a row can never hold one answer's rating with another's figure (a record without the answer keeps it).
  const change = db.prepare(
    `UPDATE feedback SET rating = @rating, at = @at, kind = COALESCE(@kind, kind), figure = COALESCE(@figure, figure),
       quote = COALESCE(@quote, quote), source = COALESCE(@source, source) WHERE id = @id`,
  );
  const list = db.prepare(
    `SELECT platform, chat, user, question, rating, at, kind, figure, quote, source FROM feedback
     WHERE at >= @since AND (@rating IS NULL OR rating = @rating) ORDER BY at DESC, id DESC`,
  );
  const record = db.transaction((r: FeedbackRecord): VoteOutcome => {
    const t = r.target;
    const prior = t
      ? (vote.get(r.platform, t.replyId, t.index, r.user) as { id: number; rating: string } | undefined)
      : undefined;
    if (prior?.rating === r.rating) return "kept";
    const rated = ratedColumns(r.answer);
    if (prior) {
      change.run({ id: prior.id, rating: r.rating, at: r.at, ...rated });
      return "changed";
    }
    insert.run({ ...r, replyId: t?.replyId ?? null, index: t?.index ?? null, ...rated });
    return "recorded";
  });
  return {
    record: async (r) => record(r),
    list: async (q = {}) =>
      (list.all({ since: q.since ?? "", rating: q.rating ?? null }) as FeedbackDbRow[]).map((row) => ({
        ...row,
        source: parseSource(row.source),
      })),
  };
}
