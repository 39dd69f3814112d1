import { cpSync, existsSync, mkdirSync, realpathSync, renameSync, rmSync } from "node:fs";
import { dirname } from "node:path";
import { type Config, SEEDS_DIR } from "../config.js";
import { AppError } from "../errors.js";

/** The corpus directory to use, and a line to log when it is not the configured one. */
export interface PreparedCorpus {
  dir: string;
  warning: string | null;
}

/**
 * Creates `dir` as a copy of `seeds`, all at once: copied beside it under a temporary name, then renamed into
 * place. When another process got there first, its copy stands. Missing seeds are a broken install, never an
 * empty corpus that would stay empty once created.
 */
function copySeeds(seeds: string, dir: string): void {
  if (!existsSync(seeds))
    throw new AppError(
      "CORPUS_MISSING",
      `the shipped seeds ${seeds} are missing, so the corpus ${dir} cannot be made from them — restore them (git checkout -- seeds) or set CORPUS_DIR`,
    );
  mkdirSync(dirname(dir), { recursive: true });
  const tmp = `${dir}.${process.pid}.tmp`;
  rmSync(tmp, { recursive: true, force: true });
  try {
    cpSync(seeds, tmp, { recursive: true });
    renameSync(tmp, dir);
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    if (!existsSync(dir)) throw e;
  }
}

/** Whether `dir` is the shipped seeds directory itself (a CORPUS_DIR=seeds left from an older setup). */
function isShippedSeeds(dir: string): boolean {
  try {
    return realpathSync(dir) === realpathSync(SEEDS_DIR);
  } catch {
    return false;
  }
}

/**
 * The corpus directory of a configuration, ready for use. A CORPUS_DIR set explicitly is used as it is. The
 * default one (DATA_DIR/corpus) is created on first use as a copy of the shipped seeds — so a setup that
 * ingested into seeds/ keeps its documents and manifest. When it cannot be created (DATA_DIR not writable),
 * reading falls back to the seeds themselves, with a warning; writing (`ingest`) refuses, as it must never
 * write into the repository's files.
 */
export function prepareCorpus(
  config: Pick<Config, "CORPUS_DIR" | "corpusSeedDir">,
  purpose: "read" | "write",
): PreparedCorpus {
  const { CORPUS_DIR: dir, corpusSeedDir: seeds } = config;
  if (purpose === "write" && isShippedSeeds(dir))
    throw new AppError(
      "CORPUS_UNWRITABLE",
      `CORPUS_DIR is the shipped ${SEEDS_DIR}/: documents are never added to the repository's files — unset CORPUS_DIR (the corpus then lives in DATA_DIR/corpus, made from the seeds) or point it at a directory of your own`,
    );
  if (seeds === null || existsSync(dir)) return { dir, warning: null };
  try {
    copySeeds(seeds, dir);
    return { dir, warning: null };
  } catch (e) {
    if (e instanceof AppError) throw e;
    const why = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    if (purpose === "write")
      throw new AppError(
        "CORPUS_MISSING",
        `cannot create the corpus directory ${dir} (${why}) — make DATA_DIR writable or set CORPUS_DIR`,
      );
    return {
      dir: seeds,
      warning: `cannot create the corpus directory ${dir} (${why}): answering from ${seeds}/ as shipped — make DATA_DIR writable or set CORPUS_DIR`,
    };
  }
}
