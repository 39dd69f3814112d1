import {
  type AnswerItem,
  type AnswerReply,
  answerNoteText,
  CHAT_TEXTS,
  type CheckedFigure,
  type CheckReply,
  type Citation,
  type CitedSource,
  checkNoteText,
  citationParts,
  citationTail,
  corpusSize,
  type DocumentMeta,
  type Evidence,
  LABELS,
  type NoAnswerReply,
  noAnswerSentence,
  pageCounter,
  passageTracker,
  periodLabel,
  type Quote,
  type RelatedFigure,
  type Reply,
  relatedBeyond,
  type ShownPassage,
  showsFigureVerdicts,
  VERDICT_LABELS,
} from "../../src/mod.js";
import { bold, inBlock, italic, plain, type Span } from "./rich-text.js";

const NL = plain("\n");

/** The quote with its highlighted ranges (the answering figure) in bold. */
export function quoteSpans(q: Quote): Span[] {
  const out: Span[] = [];
  let at = 0;
  for (const [s, e] of [...q.highlights].sort((a, b) => a[0] - b[0])) {
    if (s < at) continue; // overlapping ranges would emphasise text twice
    out.push(plain(q.text.slice(at, s)), bold(q.text.slice(s, e)));
    at = e;
  }
  out.push(plain(q.text.slice(at)));
  return out;
}

/** 《title》 publisher date · 第N段 — the title links to the source when the corpus knows its URL. */
export function citationSpans(c: CitedSource & { url: string | null }, paragraph?: number): Span[] {
  const parts = citationParts(c, paragraph);
  const title: Span = c.title ? { text: parts.title, href: c.url ?? undefined } : plain(parts.title);
  return [title, plain(citationTail(parts))];
}

/** 问：the question — where no quoted message shows what was asked (inline results). */
export function questionLine(question: string): Span[] {
  return [plain(LABELS.question), italic(question), NL];
}

function sourceLines(sources: Citation[]): Span[] {
  return sources.flatMap((s) => [plain("—"), ...citationSpans(s, s.paragraph), NL]);
}

/** The sentence in a block quote, marked when its source was cited above (and is not cited again). */
function quotedSentence(q: Quote, shown: ShownPassage | null, after = ""): Span[] {
  const above = shown?.citedAbove ? LABELS.citedAbove : "";
  return [...inBlock("quote", [...quoteSpans(q), plain(after)]), plain(above), NL];
}

/** One answer: the figure, the sentence it stands in (a block quote), and its sources. */
export function answerItemSpans(item: AnswerItem): Span[] {
  const head = item.figure ? [bold(item.figure.text), NL] : [];
  return [...head, ...quotedSentence(item.quote, null), ...sourceLines(item.sources)];
}

/** A related figure as a list line, its figure in bold. */
function relatedLine(r: RelatedFigure): Span[] {
  const at = r.label.indexOf(r.figure.text);
  const label =
    at < 0
      ? [plain(r.label)]
      : [plain(r.label.slice(0, at)), bold(r.figure.text), plain(r.label.slice(at + r.figure.text.length))];
  return [plain("• "), ...label, plain(" — "), ...citationSpans(r.source, r.source.paragraph), NL];
}

/** Options for rendering an answer page. */
export interface PageOptions {
  /** Show the question on top: inline results have no quoted message to show it. */
  showQuestion?: boolean;
}

/** Page `page` of an answer reply: that answer, a page counter, and on the first page the related figures. */
export function renderAnswerPage(reply: AnswerReply, page: number, options: PageOptions = {}): Span[] {
  const item = reply.answers[page];
  if (!item) return [plain(CHAT_TEXTS.noMore)];
  const out: Span[] = options.showQuestion ? questionLine(reply.question) : [];
  if (page === 0 && reply.note) out.push(plain(answerNoteText(reply.note)), NL);
  out.push(...answerItemSpans(item));
  if (reply.answers.length > 1) out.push(italic(pageCounter(page + 1, reply.answers.length)), NL);
  const related = page === 0 ? relatedBeyond(reply.related, [item]) : [];
  // Folded: the other figures are for whoever wants them, and would push the answer's buttons far down. The
  // last line break stays outside the quote, which would otherwise end in an empty line.
  if (related.length) {
    const lines = related.flatMap(relatedLine).slice(0, -1);
    out.push(NL, bold(LABELS.related), NL, ...inBlock("expandable", lines), NL);
  }
  return out;
}

function suggestionLines(suggestions: string[], heading: string): Span[] {
  if (!suggestions.length) return [];
  return [NL, plain(heading), NL, ...suggestions.flatMap((s) => [plain(`• ${s}`), NL])];
}

/** A no-answer reply: why, what nearby topics the corpus covers, and example questions it answers. */
export function renderNoAnswer(reply: NoAnswerReply): Span[] {
  return [
    plain(noAnswerSentence(reply.reason)),
    NL,
    ...suggestionLines(reply.suggestions, LABELS.nearby),
    ...suggestionLines(reply.examples, LABELS.examples),
  ];
}

function evidenceSpans(e: Evidence, shown: ShownPassage): Span[] {
  if (shown.quotedAbove) return [];
  return [...quotedSentence(e.quote, shown, periodLabel(e.period)), ...sourceLines(shown.sources)];
}

/** One checked figure: the claim's value against the sources' values, then the evidence. */
function checkedFigureSpans(
  item: CheckedFigure,
  showBadge: boolean,
  track: ReturnType<typeof passageTracker>,
): Span[] {
  const values = [
    ...new Set(item.evidence.map((e) => e.figure?.text).filter((t): t is string => Boolean(t))),
  ];
  const out: Span[] = showBadge ? [plain(`${VERDICT_LABELS[item.verdict]} `)] : [];
  out.push(plain(LABELS.claim), bold(item.claim.text));
  if (values.length)
    out.push(plain(` · ${LABELS.source}`), ...values.flatMap((v, i) => [plain(i ? "、" : ""), bold(v)]));
  const shown = item.evidence.map((e) => track(e.quote, [e.source]));
  if (shown.some((x) => x.quotedAbove)) out.push(plain(LABELS.quotedAbove));
  out.push(NL, ...item.evidence.flatMap((e, i) => evidenceSpans(e, shown[i] as ShownPassage)));
  return out;
}

/** A fact-check: the badge, the claim, each figure with its evidence, and a note or suggestions when there are. */
export function renderCheck(reply: CheckReply): Span[] {
  const out: Span[] = [
    bold(VERDICT_LABELS[reply.verdict]),
    NL,
    plain(LABELS.checkedClaim),
    italic(reply.claim),
    NL,
  ];
  const many = showsFigureVerdicts(reply);
  const track = passageTracker();
  for (const item of reply.items) out.push(NL, ...checkedFigureSpans(item, many, track));
  if (reply.note) out.push(NL, plain(checkNoteText(reply.note)), NL);
  if (reply.verdict === "not_found" && reply.lookedFor)
    out.push(NL, plain(`${LABELS.lookedFor}${reply.lookedFor}`), NL);
  out.push(...suggestionLines(reply.suggestions, LABELS.nearby));
  return out;
}

/** Any reply as spans; an answer reply shows its page `page`. */
export function renderReply(reply: Reply, page = 0, options: PageOptions = {}): Span[] {
  if (reply.kind === "answer") return renderAnswerPage(reply, page, options);
  if (reply.kind === "check") return renderCheck(reply);
  return renderNoAnswer(reply);
}

/** The /sources list: every document with title, publisher and date. */
export function renderSources(docs: DocumentMeta[]): Span[] {
  const head = [bold(corpusSize(docs.length)), NL];
  return [...head, ...docs.flatMap((d, i) => [plain(`${i + 1}. `), ...citationSpans(d), NL])];
}
