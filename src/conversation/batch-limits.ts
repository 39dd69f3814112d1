import { refusalText } from "./chat-wording.js";
import { stripClaimPrefix } from "./claim-prefix.js";
import { type AskMode, type InputLimits, inputRefusal } from "./converse.js";

/**
 * The CLI's questions or claims (its argument, or one a line from stdin) under the same input limits as every
 * chat: the first one refused, worded for a terminal ("第 3 行：说法太长了…" in a batch), or null when all pass.
 * Empty lines are the CLI's to skip; a claim is measured without its 核实 prefix, as a chat's is.
 */
export function batchRefusal(mode: AskMode, texts: readonly string[], limits?: InputLimits): string | null {
  for (const [i, raw] of texts.entries()) {
    const text = mode === "check" ? stripClaimPrefix(raw) : raw.trim();
    const refusal = text ? inputRefusal(mode, text, limits) : null;
    if (!refusal) continue;
    const why = refusalText(refusal, "console");
    return texts.length > 1 ? `第 ${i + 1} 行：${why}` : why;
  }
  return null;
}
