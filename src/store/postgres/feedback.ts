import { inTransaction, type PgClient, type PgPool } from "../../pg/pool.js";
import {
  type FeedbackDbRow,
  type FeedbackRecord,
  type FeedbackRepo,
  parseSource,
  ratedColumns,
  type VoteOutcome,
} from "../feedback.js";

/** Inserts a vote as a new row; with a target, nothing when the user already has a vote on that answer. */
async function insertVote(c: PgClient, r: FeedbackRecord): Promise<boolean> {
  const rated = ratedColumns(r.answer);
  const res = await c.query(
    `INSERT INTO feedback
       (platform, chat, "user", question, rating, at, reply_id, answer_index, kind, figure, quote, source)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
     ON CONFLICT (platform, reply_id, answer_index, "user")
       WHERE reply_id IS NOT NULL AND answer_index IS NOT NULL DO NOTHING`,
    [
      r.platform,
      r.chat,
      r.user,
      r.question,
      r.rating,
      r.at,
      r.target?.replyId ?? null,
      r.target?.index ?? null,
      rated.kind,
      rated.figure,
      rated.quote,
      rated.source,
    ],
  );
  return res.rowCount === 1;
}

/**
 * The user's existing vote, changed to this rating unless it already is it. Locked first (FOR UPDATE): two
 * clicks at once on two replicas change it one after the other. What it rated is written again, as on SQLite.
 */
async function changeVote(c: PgClient, r: FeedbackRecord): Promise<VoteOutcome> {
  const t = r.target as NonNullable<FeedbackRecord["target"]>;
  const prior = (
    await c.query<{ id: number; rating: string }>(
      `SELECT id, rating FROM feedback WHERE platform = $1 AND reply_id = $2 AND answer_index = $3 AND "user" = $4
       FOR UPDATE`,
      [r.platform, t.replyId, t.index, r.user],
    )
  ).rows[0];
  if (!prior || prior.rating === r.rating) return "kept";
  const rated = ratedColumns(r.answer);
  await c.query(
    `UPDATE feedback SET rating = $1, at = $2, kind = COALESCE($3, kind), figure = COALESCE($4, figure),
       quote = COALESCE($5, quote), source = COALESCE($6, source) WHERE id = $7`,
    [r.rating, r.at, rated.kind, rated.figure, rated.quote, rated.source, prior.id],
  );
  return "changed";
}

/**
 * The feedback table on PostgreSQL. A vote is an INSERT … ON CONFLICT DO NOTHING on the one-vote-per-answer index
 * and, when the user had voted, a locked change, in one transaction: two replicas recording the same user's
 * clicks at once leave one row (the second click waits for the first's insert to commit, then changes or keeps it).
 */
export function postgresFeedbackRepo(pool: PgPool): FeedbackRepo {
  return {
    record: (r) =>
      inTransaction(pool, async (c) => {
        if (await insertVote(c, r)) return "recorded";
        return changeVote(c, r);
      }),
    list: async (q = {}) =>
      (
        await pool.query<FeedbackDbRow>(
          `SELECT platform, chat, "user", question, rating, at, kind, figure, quote, source FROM feedback
           WHERE at >= $1 AND ($2::text IS NULL OR rating = $2) ORDER BY at DESC, id DESC`,
          [q.since ?? "", q.rating ?? null],
        )
      ).rows.map((row) => ({ ...row, source: parseSource(row.source) })),
  };
}
