import {
  type AskReply,
  answerNoteText,
  answerNumber,
  type CheckReply,
  type Citation,
  checkNoteText,
  citationText,
  LABELS,
  noAnswerSentence,
  periodLabel,
  type Quote,
  stripControls,
  suggestionsHeading,
  VERDICT_LABELS,
} from "../../src/mod.js";

/** How to emphasise the figure in a terminal: ANSI bold when it is a TTY, 【】 brackets otherwise. */
export interface TextStyle {
  color: boolean;
}

const BOLD = "\x1b[1m";
const RESET = "\x1b[0m";

function emphasise(s: string, style: TextStyle): string {
  return style.color ? `${BOLD}${s}${RESET}` : `【${s}】`;
}

/**
 * Document and user text as the terminal may print it: the corpus strips control characters when it reads a
 * file, but a file name, an old snapshot or a claim can still carry one, and a terminal obeys them.
 */
const plain = stripControls;

/** The quote with its figure emphasised. */
export function renderQuote(q: Quote, style: TextStyle): string {
  let out = "";
  let at = 0;
  for (const [s, e] of q.highlights) {
    out += plain(q.text.slice(at, s)) + emphasise(plain(q.text.slice(s, e)), style);
    at = e;
  }
  return out + plain(q.text.slice(at));
}

/** 《title》 publisher date · 第N段 */
export function renderCitation(c: Citation): string {
  return plain(citationText(c, c.paragraph));
}

/** Suggestions as a bulleted list under their heading (nothing when there are none). */
function nearbyLines(suggestions: string[], heading: string = LABELS.nearby): string {
  return suggestions.length ? `${heading}\n${suggestions.map((s) => `  • ${plain(s)}`).join("\n")}` : "";
}

/** Renders a reply as plain text for the terminal (figure first, then the sentence, then the source). */
export function renderText(reply: AskReply, style: TextStyle, limit = 3): string {
  if (reply.kind === "no-answer") {
    const tips = nearbyLines(reply.suggestions, suggestionsHeading(reply.reason));
    return `${noAnswerSentence(reply.reason)}${tips ? `\n${tips}` : ""}`;
  }
  const blocks = reply.answers.slice(0, limit).map((a, i) => {
    const head = a.figure ? emphasise(plain(a.figure.text), style) : answerNumber(i + 1);
    const cites = a.sources.map((s) => `  —${renderCitation(s)}`).join("\n");
    return `${i === 0 ? "" : `${i + 1}. `}${head}\n${renderQuote(a.quote, style)}\n${cites}`;
  });
  const related = reply.related.length
    ? `\n\n${LABELS.related}\n${reply.related.map((r) => `  • ${plain(r.label)} — ${renderCitation(r.source)}`).join("\n")}`
    : "";
  const note = reply.note ? `${answerNoteText(reply.note)}\n` : "";
  return note + blocks.join("\n\n") + related;
}

/** Renders a fact check: verdict, then for each figure the claim's value against the sources' with their sentences. */
export function renderCheckText(reply: CheckReply, style: TextStyle): string {
  const lines = [`${VERDICT_LABELS[reply.verdict]}　${plain(reply.claim)}`];
  if (reply.note) lines.push(checkNoteText(reply.note));
  for (const item of reply.items) {
    const values = plain(item.evidence.map((e) => e.figure?.text ?? "—").join(" / "));
    const source = values ? `　${LABELS.source}${values}` : "";
    lines.push(`\n${VERDICT_LABELS[item.verdict]}　${LABELS.claim}${plain(item.claim.text)}${source}`);
    for (const e of item.evidence)
      lines.push(`${renderQuote(e.quote, style)}${periodLabel(e.period)}\n  —${renderCitation(e.source)}`);
  }
  if (reply.verdict === "not_found" && reply.items.length > 0)
    lines.push(`\n${LABELS.lookedFor}${plain(reply.lookedFor) || LABELS.nothingLookedFor}`);
  if (reply.suggestions.length) lines.push(nearbyLines(reply.suggestions));
  return lines.join("\n");
}
