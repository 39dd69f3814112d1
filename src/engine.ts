import { createHash } from "node:crypto";
import { join } from "node:path";
import { type AskOptions, answerQuestion } from "./answer/answer-question.js";
import { type ContextBase, embeddedContext } from "./answer/embedded-context.js";
import type { AskReply, CheckReply } from "./answer/reply.js";
import { type CheckOptions, checkClaim } from "./check/check-claim.js";
import { type DocumentLimits, resolveLimits } from "./corpus/document-limits.js";
import { createDocumentReader, type DocumentReader } from "./corpus/document-reader.js";
import { corpusFingerprint, type SkippedFile } from "./corpus/load.js";
import type { DocumentMeta } from "./corpus/types.js";
import { type IndexCorpusOptions, indexCorpus } from "./index/build-index.js";
import { indexCodeVersion } from "./index/code-version.js";
import { type CorpusIndex, createIndex } from "./index/corpus-index.js";
import type { DocumentTables } from "./index/document-tables.js";
import { embeddedPassageIndex } from "./index/embedded-passage-index.js";
import type { PassageIndex } from "./index/passage-index.js";
import { readSnapshot, writeSnapshot } from "./index/snapshot-file.js";
import { type CorpusChanges, syncCorpus } from "./index/sync-corpus.js";
import { type Gazetteer, loadGazetteer } from "./lexicon/places.js";
import { CORPUS_TABLE_FILES, loadSynonyms, type SynonymTable } from "./lexicon/synonyms.js";
import { type ProfileOverrides, type RankingProfile, resolveProfile } from "./rank/profile.js";
import type { SearchContext } from "./rank/search-context.js";
import { createRemoteEngine } from "./remote-engine.js";
import { loadSegmenter } from "./text/segment.js";

export type { CorpusChanges } from "./index/sync-corpus.js";

/** Where the engine reads its documents and extra synonyms. */
export interface EngineOptions extends IndexCorpusOptions {
  corpusDir: string;
  /** Extra synonym files; a synonyms.txt and an indicators.txt inside the corpus directory are always read. */
  synonymFiles?: string[];
  /**
   * An index snapshot file: used at start when it was built from this very corpus and code, written after a
   * build or a change otherwise (atomically). Without it the index is built from the files each time.
   */
  snapshotFile?: string;
  /**
   * "now" (default): a snapshot due after a build or a sync is written at once. "later": it waits for
   * `flushSnapshot()`, so that a one-shot command can answer first and a bot can write once after a burst of
   * changes (at 10,000 documents a write takes ~4 s).
   */
  snapshotWrite?: "now" | "later";
  /** Ranking weights and thresholds to change (src/rank/profile.ts); the rest keep their defaults. */
  profile?: ProfileOverrides;
  /** Today's date, for questions that say 今年, 去年 or 前年 (default: the system clock). */
  clock?: () => Date;
  /** Limits on what reading one document may cost (src/corpus/document-limits.ts); the rest keep their defaults. */
  documentLimits?: Partial<DocumentLimits>;
  /**
   * A passage index that holds the passages elsewhere (PostgreSQL). With it the engine keeps only per-document
   * data in memory, loads the passages each question reads, builds no MiniSearch and writes no snapshot; it
   * starts from the documents the index holds (`sync()` brings them in line with `corpusDir`).
   */
  passageIndex?: PassageIndex;
  /** With a passageIndex: fetches from it one question may make before it fails (default 6; 1–4 are usual). */
  maxFetches?: number;
}

/** How the engine started: from its snapshot, from the files or from a remote passage index, and what each step took (ms, 0 if skipped). */
export interface EngineStartup {
  from: "snapshot" | "files" | "passage-index";
  /** Hashing the corpus files and reading the snapshot (whether or not it could be used). */
  snapshotReadMs: number;
  /** Reading, cleaning and indexing the files; over a remote passage index, loading its documents. */
  buildMs: number;
  /** Whether a worker thread read and segmented the files while this one indexed them (large corpora). */
  buildWorker: boolean;
  snapshotWriteMs: number;
}

/** The core: answers questions from an indexed corpus. Platform code lives in the adapters. */
export interface Engine {
  ask(question: string, options?: AskOptions): Promise<AskReply>;
  /** Fact-checks a claim with figures ("全市新增学位28万个"): a CheckReply. */
  check(claim: string, options?: CheckOptions): Promise<CheckReply>;
  /** The documents answers can cite, in corpus order. */
  sources(): DocumentMeta[];
  /**
   * Example questions this corpus answers (Telegram's /start buttons, replies to small talk): derived from the
   * corpus on first use and kept until it changes.
   */
  examples(): Promise<string[]>;
  /**
   * Runs synchronous ranking code against the corpus (a digest's key figures and topic matches): directly in
   * process; over a remote passage index, again with what it read fetched until it missed nothing.
   */
  read<T>(run: (ctx: SearchContext) => T): Promise<T>;
  /** Re-scans the corpus directory: new files are indexed, changed ones re-indexed, deleted ones dropped. */
  sync(): Promise<CorpusChanges>;
  /** Reloads the per-document data from a remote passage index (another replica changed it); in process, nothing to do. */
  refresh(): Promise<void>;
  /** Files of the corpus directory that could not be read at start, with why. */
  skipped: SkippedFile[];
  /** What reading the files at start dropped from their metadata (empty when started from a snapshot). */
  notes: string[];
  /** Problems that cost speed, not answers (a snapshot that could not be written). */
  warnings: string[];
  /** Writes a snapshot left pending by `snapshotWrite: "later"`; returns the warnings it raised (else []). */
  flushSnapshot(): string[];
  /** What the engine keeps of each document: metadata, articles, homes, hashes, passage ids. */
  documents: DocumentTables;
  /** The index in this process (MiniSearch and passages); null over a remote passage index. */
  index: CorpusIndex | null;
  synonyms: SynonymTable;
  /** The ranking profile in use (defaults with the given overrides). */
  profile: RankingProfile;
  /** The clock questions are read against (今年, 去年). */
  clock: () => Date;
  startup: EngineStartup;
}

/** What both kinds of engine are set up with. */
export interface EngineSetup {
  base: ContextBase;
  gazetteer: Gazetteer;
  limits: DocumentLimits;
  reader: DocumentReader;
}

/**
 * Loads the corpus, builds the index and returns the engine; with a passageIndex, loads the documents it holds.
 * Throws AppError on a missing or empty corpus (in process).
 */
export async function createEngine(options: EngineOptions): Promise<Engine> {
  loadSegmenter();
  const synonyms = loadSynonyms([
    ...CORPUS_TABLE_FILES.map((f) => join(options.corpusDir, f)),
    ...(options.synonymFiles ?? []),
  ]);
  const limits = resolveLimits(options.documentLimits);
  const setup: EngineSetup = {
    base: { synonyms, profile: resolveProfile(options.profile), clock: options.clock ?? (() => new Date()) },
    gazetteer: loadGazetteer([join(options.corpusDir, "places.txt")]),
    limits,
    reader: createDocumentReader(limits),
  };
  if (options.passageIndex) return createRemoteEngine(setup, options.passageIndex, options);
  return createEmbeddedEngine(setup, options);
}

/** The engine over an index in this process: MiniSearch, snapshot, ranking reading it directly. */
async function createEmbeddedEngine(setup: EngineSetup, options: EngineOptions): Promise<Engine> {
  const { gazetteer, limits, reader } = setup;
  let t = performance.now();
  const key = options.snapshotFile ? snapshotKey(options.corpusDir, gazetteer, limits) : "";
  const snapshot = options.snapshotFile ? readSnapshot(options.snapshotFile, key, gazetteer) : null;
  const startup: EngineStartup = {
    from: snapshot ? "snapshot" : "files",
    snapshotReadMs: options.snapshotFile ? performance.now() - t : 0,
    buildMs: 0,
    buildWorker: false,
    snapshotWriteMs: 0,
  };
  let index: CorpusIndex;
  let skipped: SkippedFile[];
  let notes: string[] = [];
  const warnings: string[] = [];
  if (snapshot) {
    ({ index, skipped } = snapshot);
    reader.remember(skipped);
  } else {
    t = performance.now();
    index = createIndex(gazetteer);
    const built = await indexCorpus(options.corpusDir, index, { ...options, reader });
    skipped = built.skipped;
    notes = built.notes;
    startup.buildWorker = built.worker;
    startup.buildMs = performance.now() - t;
  }
  // A snapshot due but not yet written: the key and skipped files of the corpus state the index holds.
  let pending: { key: string; skipped: SkippedFile[] } | null =
    !snapshot && options.snapshotFile ? { key, skipped } : null;
  const flushSnapshot = (): string[] => {
    if (!pending || !options.snapshotFile) return [];
    const due = pending;
    pending = null;
    const t0 = performance.now();
    const raised = saveSnapshot(options.snapshotFile, index, due.key, due.skipped);
    startup.snapshotWriteMs = performance.now() - t0;
    warnings.push(...raised);
    return raised;
  };
  const later = options.snapshotWrite === "later";
  if (!later) flushSnapshot();
  const passageIndex = embeddedPassageIndex(index);
  const sync = async () => {
    const changes = await syncCorpus(passageIndex, index, options.corpusDir, reader);
    const changed = changes.added.length + changes.updated.length + changes.removed.length > 0;
    if (changed && options.snapshotFile) {
      // Keyed by the files as this sync read them: a file changed since will not match, and is re-read.
      pending = { key: snapshotKey(options.corpusDir, gazetteer, limits), skipped: changes.skipped };
      if (!later) flushSnapshot();
    }
    return changes;
  };
  const ctx = embeddedContext(index, setup.base);
  return {
    ask: async (question, opts) => answerQuestion(ctx, question, opts),
    check: async (claim, opts) => checkClaim(ctx, claim, opts),
    sources: () => [...index.docs.values()],
    examples: async () => ctx.examples(),
    read: async (run) => run(ctx),
    sync,
    refresh: async () => {},
    skipped,
    notes,
    warnings,
    flushSnapshot,
    documents: index,
    index,
    ...setup.base,
    startup,
  };
}

/** Writes the snapshot; an unwritable DATA_DIR costs the next start its speed, not this one its answers. */
function saveSnapshot(file: string, ix: CorpusIndex, key: string, skipped: SkippedFile[]): string[] {
  try {
    writeSnapshot(file, ix, key, skipped);
    return [];
  } catch (e) {
    return [
      `index snapshot not written to ${file}: ${(e as Error).message} — check that DATA_DIR is writable`,
    ];
  }
}

/**
 * What a snapshot must have been built from to be reused: this corpus, these place names, this code, and these
 * document limits (its skipped files were refused under them).
 */
function snapshotKey(corpusDir: string, gazetteer: string[], limits: DocumentLimits): string {
  const digest = (s: string) => createHash("sha256").update(s).digest("hex").slice(0, 16);
  const places = digest(gazetteer.join("\n"));
  return `${corpusFingerprint(corpusDir, limits.fileMb)}:${indexCodeVersion()}:${places}:${digest(JSON.stringify(limits))}`;
}
