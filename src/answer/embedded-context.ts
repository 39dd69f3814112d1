import type { CorpusIndex } from "../index/corpus-index.js";
import { embeddedView } from "../index/embedded-view.js";
import type { SearchContext } from "../rank/search-context.js";
import { answerQuestion } from "./answer-question.js";
import { exampleQuestions } from "./example-questions.js";

/** What a search context holds besides the corpus: the same whichever backend holds the passages. */
export type ContextBase = Pick<SearchContext, "synonyms" | "profile" | "clock">;

/**
 * The context of a CorpusIndex in this process: ranking reads its arrays and MiniSearch directly, and example
 * questions are chosen on first use and kept until the index changes.
 */
export function embeddedContext(ix: CorpusIndex, base: ContextBase): SearchContext {
  const ctx: SearchContext = {
    ...base,
    ix,
    passages: embeddedView(ix),
    examples: () => exampleQuestions(ctx, (question) => answerQuestion(ctx, question)),
  };
  return ctx;
}
