import {
  type AnswerItem,
  type AskReply,
  answerNoteText,
  answerNumber,
  type CheckReply,
  type Citation,
  checkNoteText,
  citationText,
  LABELS,
  noAnswerSentence,
  passageTracker,
  periodLabel,
  type Quote,
  relatedBeyond,
  type ShownPassage,
  showsFigureVerdicts,
  stripControls,
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

/** The source lines of a passage: the sources not cited above ("出处见上" on the line before says the rest). */
function sourceLines(shown: ShownPassage): string {
  return shown.sources.map((s) => `\n  —${renderCitation(s)}`).join("");
}

function answerBlock(a: AnswerItem, i: number, shown: ShownPassage, style: TextStyle): string {
  const head = a.figure ? emphasise(a.figure.text, style) : answerNumber(i + 1);
  const above = shown.citedAbove ? LABELS.citedAbove : "";
  return `${i === 0 ? "" : `${i + 1}. `}${head}\n${renderQuote(a.quote, style)}${above}${sourceLines(shown)}`;
}

/** Renders a reply as plain text for the terminal (figure first, then the sentence, then the source). */
export function renderText(reply: AskReply, style: TextStyle, limit = 3): string {
  if (reply.kind === "no-answer") {
    const parts = [
      noAnswerSentence(reply.reason),
      nearbyLines(reply.suggestions),
      nearbyLines(reply.examples, LABELS.examples),
    ];
    return parts.filter(Boolean).join("\n");
  }
  const shown = reply.answers.slice(0, limit);
  const track = passageTracker();
  const blocks = shown.map((a, i) => answerBlock(a, i, track(a.quote, a.sources), style));
  const others = relatedBeyond(reply.related, shown);
  const related = others.length
    ? `\n\n${LABELS.related}\n${others.map((r) => `  • ${plain(r.label)} — ${renderCitation(r.source)}`).join("\n")}`
    : "";
  const note = reply.note ? `${answerNoteText(reply.note)}\n` : "";
  return note + blocks.join("\n\n") + related;
}

/** Renders a fact check: verdict, then for each figure the claim's value against the sources' with their sentences. */
export function renderCheckText(reply: CheckReply, style: TextStyle): string {
  const lines = [`${VERDICT_LABELS[reply.verdict]}　${plain(reply.claim)}`];
  if (reply.note) lines.push(checkNoteText(reply.note));
  const badges = showsFigureVerdicts(reply);
  const track = passageTracker();
  for (const item of reply.items) {
    const values = plain(item.evidence.map((e) => e.figure?.text ?? "—").join(" / "));
    const source = values ? `　${LABELS.source}${values}` : "";
    const badge = badges ? `${VERDICT_LABELS[item.verdict]}　` : "";
    const head = `\n${badge}${LABELS.claim}${plain(item.claim.text)}${source}`;
    const evidence = item.evidence.map((e) => ({ e, shown: track(e.quote, [e.source]) }));
    const repeated = evidence.some((x) => x.shown.quotedAbove);
    lines.push(repeated ? `${head}${LABELS.quotedAbove}` : head);
    for (const { e, shown } of evidence) {
      if (shown.quotedAbove) continue;
      const above = shown.citedAbove ? LABELS.citedAbove : "";
      lines.push(`${renderQuote(e.quote, style)}${periodLabel(e.period)}${above}${sourceLines(shown)}`);
    }
  }
  if (reply.verdict === "not_found" && reply.items.length > 0)
    lines.push(`\n${LABELS.lookedFor}${plain(reply.lookedFor) || LABELS.nothingLookedFor}`);
  if (reply.suggestions.length) lines.push(nearbyLines(reply.suggestions));
  return lines.join("\n");
}
