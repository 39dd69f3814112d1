import { createIndex } from "../../src/index/corpus-index.js";
import { embeddedPassageIndex } from "../../src/index/embedded-passage-index.js";
import { REPORTS_CORPUS, remoteEquivalenceSuite, SEEDS_CORPUS } from "./remote-equivalence.js";

// The remote path over a second, separate CorpusIndex reached only through the PassageIndex boundary: what the
// PostgreSQL index must match too (its suite calls remoteEquivalenceSuite with its own factory).
const inMemory = async (gazetteer: string[]) => ({ index: embeddedPassageIndex(createIndex(gazetteer)) });

remoteEquivalenceSuite("remote path over the seeds: the same replies as in process", inMemory, SEEDS_CORPUS);
remoteEquivalenceSuite(
  "remote path over the 2026 reports: the same replies as in process",
  inMemory,
  REPORTS_CORPUS,
);
