import { AppError } from "../errors.js";
import type { PassageView } from "../rank/search-context.js";
import type { PassageIndex } from "./passage-index.js";
import { emptyCache, fetchMissing, missedNothing, nothingMissing, recordingView } from "./recording-view.js";

/** One run of a replayed call: its result, and what it wanted besides passages that is not there yet (or null). */
export interface Run<T> {
  result: T;
  wants: (() => Promise<unknown>) | null;
}

/**
 * Fetch and replay: runs synchronous ranking code against a cache of the passage index that is this call's alone,
 * which records what it lacks and answers "nothing" for it; fetches all of that at once and runs again, until a run
 * misses nothing, and returns that run's result. At most `fetches` fetches, then an AppError (INDEX_UNSETTLED).
 */
export async function replay<T>(
  index: PassageIndex,
  run: (view: PassageView) => Promise<Run<T>> | Run<T>,
  fetches: number,
): Promise<T> {
  const cache = emptyCache();
  for (let fetched = 0; ; fetched++) {
    const missing = nothingMissing();
    const { result, wants } = await run(recordingView(cache, missing));
    const complete = missedNothing(missing);
    if (complete && !wants) return result;
    if (fetched >= fetches) throw unsettled(fetches);
    // A run that lacked passages may have wanted more only for want of them (a "no answer" wants examples).
    if (complete && wants) await wants();
    else await fetchMissing(index, cache, missing);
  }
}

function unsettled(fetches: number): AppError {
  return new AppError(
    "INDEX_UNSETTLED",
    `the passage index still lacked what a question reads after ${fetches} fetches — the corpus changed throughout, or the index answers inconsistently (check its documents against its passages); ask again`,
  );
}
