/**
 * The public surface of the core: everything adapters/ and bench/ use from src/, and nothing else. Code
 * outside src/ imports this file only (tests may reach inside), so the core can move its files freely.
 */

// The engine and its options.
export type { AskOptions } from "./answer/answer-question.js";
export { embeddedContext } from "./answer/embedded-context.js";
// The neutral reply model every adapter renders, and the explanations behind it.
export type { AskExplanation, CandidateExplanation } from "./answer/explain.js";
export type {
  AnswerItem,
  AnswerNote,
  AnswerReply,
  AskReply,
  CheckedFigure,
  CheckNote,
  CheckReply,
  Citation,
  Evidence,
  FigureView,
  NoAnswerReason,
  NoAnswerReply,
  OffTopicReason,
  Quote,
  RelatedFigure,
  Reply,
  Verdict,
} from "./answer/reply.js";
export {
  passageTracker,
  type RatedAnswer,
  ratedAnswer,
  relatedBeyond,
  type ShownPassage,
  showsFigureVerdicts,
} from "./answer/reply.js";
export type { CheckOptions } from "./check/check-claim.js";
export type { CheckExplanation, FigureCheckExplanation } from "./check/explain-check.js";
// Configuration and errors.
export { type Config, parseConfig } from "./config.js";
export { batchRefusal } from "./conversation/batch-limits.js";
// The conversation: one parser, one set of limits, one wording for every platform.
export {
  BOT_DESCRIPTION,
  BOT_SHORT_DESCRIPTION,
  CHAT_TEXTS,
  consoleBanner,
  helpText,
  refusalText,
  START_TEXT,
  type Surface,
  TELEGRAM_COMMANDS,
  unknownCommandText,
} from "./conversation/chat-wording.js";
export {
  type Answer,
  type AskMode,
  answerInTurn,
  answerRequest,
  type Conversation,
  converse,
  converseInTurn,
  type InputLimits,
  inputRefusal,
  type Outcome,
  type Refusal,
  type Request,
} from "./conversation/converse.js";
export {
  DIGEST_USAGE,
  type DigestRefusal,
  describeSubscription,
  digestHeading,
  digestProblemText,
  digestRefusalText,
  digestResultText,
  NOTHING_NEW,
  notListedText,
  TIME_FORMAT,
  topicHeading,
} from "./conversation/digest-wording.js";
export {
  answerNumber,
  claimAgainstSource,
  corpusSize,
  feedbackNote,
  LABELS,
  moreCitations,
  moreSourcesButton,
  moreSourcesFrom,
  pageCounter,
} from "./conversation/labels.js";
export {
  figureCount,
  MAX_CLAIM_FIGURES,
  MAX_QUESTION_LENGTH,
  textLength,
} from "./conversation/length-limit.js";
export { type ParsedMessage, parseMessage } from "./conversation/parse-message.js";
export { type Clock, INLINE_QUERIES_PER_QUESTION, RateLimiter } from "./conversation/rate-limiter.js";
export {
  answerNoteText,
  type CitationParts,
  type CitedSource,
  checkNoteText,
  citationParts,
  citationTail,
  citationText,
  noAnswerSentence,
  noAnswerText,
  periodLabel,
  VERDICT_LABELS,
} from "./conversation/wording.js";
export { type Defer, WorkQueue } from "./conversation/work-queue.js";
// The corpus directory: adding documents, watching for changes.
export { applyControlRules, stripControls } from "./corpus/control-chars.js";
export { processAlive } from "./corpus/corpus-lock.js";
export { type IngestMeta, type IngestResult, ingestEach, ingestFiles } from "./corpus/ingest.js";
export { type PreparedCorpus, prepareCorpus } from "./corpus/prepare-corpus.js";
export type { DocumentMeta } from "./corpus/types.js";
export { type CorpusWatch, watchCorpus } from "./corpus/watch.js";
// Daily digests.
export { buildDigest, seenDocuments } from "./digest/build-digest.js";
export type { DigestChannel, SendOutcome } from "./digest/channel.js";
export { DELIVERY_POLICY } from "./digest/delivery-policy.js";
export {
  type Digest,
  type DigestDocument,
  type DigestFigure,
  isEmptyDigest,
  type TopicSection,
} from "./digest/digest.js";
export type { DigestLog } from "./digest/digest-log.js";
export { DEFAULT_TIME_ZONE, localParts, previousDate, startOfLocalDate } from "./digest/local-time.js";
export { NOT_SENT_CODES, networkOutcome, RECONNECT_MS } from "./digest/network-outcome.js";
export {
  changesSubscription,
  type DigestCommand,
  type DigestProblem,
  parseDigestCommand,
} from "./digest/parse-command.js";
export { type DigestCommandResult, runDigestCommand } from "./digest/run-command.js";
export { DigestScheduler, type SchedulerOptions } from "./digest/scheduler.js";
export {
  type CorpusChanges,
  createEngine,
  type Engine,
  type EngineOptions,
  type EngineStartup,
} from "./engine.js";
export { AppError, type ErrorCode } from "./errors.js";
// For the benchmarks: the text pipeline, the index's MiniSearch setup and the ranking, measured on their own.
export { type CorpusIndex, MINISEARCH_OPTIONS } from "./index/corpus-index.js";
export { type DocumentTables, livePassageCount } from "./index/document-tables.js";
export { embeddedPassageIndex } from "./index/embedded-passage-index.js";
export type { IndexedDocument, PassageIndex, SearchHit, StoredPassage } from "./index/passage-index.js";
// Replicas on PostgreSQL: the shared passage index, the corpus-sync lock, notifications and the version poll.
export { postgresPassageIndex } from "./index/postgres/postgres-passage-index.js";
export { searchTokens } from "./index/tokens.js";
export { loadGazetteer } from "./lexicon/places.js";
export { isPunctuation } from "./lexicon/stopwords.js";
// The PostgreSQL schema (the store's and the passage index's) and the copy of a SQLite store into it (`cli migrate`).
export { migratePg, PG_MIGRATIONS, pgSchemaVersion } from "./pg/migrations.js";
export { openPool, type PgPool } from "./pg/pool.js";
export { analyzeQuery } from "./query/analyze-query.js";
export type { ProfileOverrides, RankingProfile } from "./rank/profile.js";
export { rankPassages } from "./rank/rank-passages.js";
export { listenForCorpusChanges } from "./replica/change-listener.js";
export { CORPUS_ID_FILE, readDirectoryId } from "./replica/corpus-identity.js";
export { readCorpusVersion } from "./replica/corpus-version.js";
export { createRefreshScheduler } from "./replica/refresh-scheduler.js";
export { type SyncOutcome, syncReplica } from "./replica/replica-sync.js";
export { changeLines, ReplicaSyncs } from "./replica/replica-syncs.js";
export type { SeenDocument } from "./store/documents.js";
// The store: feedback, subscriptions, deliveries, documents seen.
export type {
  FeedbackQuery,
  FeedbackRecord,
  FeedbackRow,
  VoteOutcome,
} from "./store/feedback.js";
export {
  openSqliteFile,
  openStore,
  STORE_FILE,
  type Store,
  type StoreOpening,
  tryOpenStore,
} from "./store/open-store.js";
export { type CopyOutcome, copySqliteStore, type TableCounts } from "./store/postgres/copy-from-sqlite.js";
export { classifyPostgresError, redactedUrl } from "./store/postgres/postgres-problem.js";
export {
  classifyStoreError,
  describeStoreNotice,
  describeStoreProblem,
  type StoreProblem,
} from "./store/store-problem.js";
export type { Platform, Subscription } from "./store/subscriptions.js";
export { normalizeQuery } from "./text/script.js";
export { cut, cutForSearch, loadSegmenter } from "./text/segment.js";
