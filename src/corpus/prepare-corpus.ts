import { cpSync, existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { dirname } from "node:path";
import type { Config } from "../config.js";
import { AppError } from "../errors.js";

/** The corpus directory to use, and a line to log when it is not the configured one. */
export interface PreparedCorpus {
  dir: string;
  warning: string | null;
}

/**
 * Creates `dir` as a copy of `seeds` (an empty directory when there are none), all at once: copied beside it
 * under a temporary name, then renamed into place. When another process got there first, its copy stands.
 */
function copySeeds(seeds: string, dir: string): void {
  mkdirSync(dirname(dir), { recursive: true });
  const tmp = `${dir}.${process.pid}.tmp`;
  rmSync(tmp, { recursive: true, force: true });
  try {
    if (existsSync(seeds)) cpSync(seeds, tmp, { recursive: true });
    else mkdirSync(tmp);
    renameSync(tmp, dir);
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    if (!existsSync(dir)) throw e;
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
  if (seeds === null || existsSync(dir)) return { dir, warning: null };
  try {
    copySeeds(seeds, dir);
    return { dir, warning: null };
  } catch (e) {
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
