import {
  type CheckedFigure,
  type CheckReply,
  checkNoteText,
  claimAgainstSource,
  type Evidence,
  LABELS,
  passageTracker,
  periodLabel,
  type ShownPassage,
  showsFigureVerdicts,
  VERDICT_LABELS,
} from "../../src/mod.js";
import { type Block, section } from "./blocks.js";
import { blockQuote, bold, escapeMrkdwn } from "./escape-mrkdwn.js";
import { escapeWithin } from "./escape-within.js";
import { sourcesContext, suggestionText, type Unit, unit } from "./render-answer.js";
import { quoteMrkdwn } from "./render-parts.js";

const QUOTE_MAX = 1200;
const MAX_EVIDENCE = 3;

function evidenceBlocks(e: Evidence, shown: ShownPassage): Block[] {
  if (shown.quotedAbove) return [];
  const fig = e.figure
    ? `${LABELS.sourceValue} ${bold(escapeMrkdwn(e.figure.text))}${periodLabel(e.period)}\n`
    : "";
  const above = shown.citedAbove ? `\n${LABELS.citedAbove}` : "";
  return [section(`${fig}${blockQuote(quoteMrkdwn(e.quote, QUOTE_MAX))}${above}`), ...sourcesContext(shown)];
}

/**
 * One checked figure: claim value vs source value(s), and the evidence passages; its verdict when the claim has
 * several figures (one figure's verdict is the reply's, in the heading).
 */
export function checkedUnit(item: CheckedFigure, badge: boolean, track: Tracker): Unit {
  const values = item.evidence
    .map((e) => (e.figure ? escapeMrkdwn(e.figure.text) : null))
    .filter((v): v is string => v !== null);
  const source = values.length
    ? ` · ${LABELS.sourceValue} ${[...new Set(values)].map(bold).join(" / ")}`
    : "";
  const claim = `${LABELS.claimValue} ${bold(escapeMrkdwn(item.claim.text))}`;
  const evidence = item.evidence.slice(0, MAX_EVIDENCE);
  const shown = evidence.map((e) => track(e.quote, [e.source]));
  const above = shown.some((x) => x.quotedAbove) ? LABELS.quotedAbove : "";
  const head = section(`${badge ? `${VERDICT_LABELS[item.verdict]} · ` : ""}${claim}${source}${above}`);
  return unit([head, ...evidence.flatMap((e, i) => evidenceBlocks(e, shown[i] as ShownPassage))]);
}

type Tracker = ReturnType<typeof passageTracker>;

/** The check's heading unit: overall verdict and the claim, with the note or what was looked for. */
export function checkHeadUnit(r: CheckReply): Unit {
  let text = `*${LABELS.checkResult}${VERDICT_LABELS[r.verdict]}*\n${LABELS.claim}${escapeWithin(r.claim, 1000)}`;
  if (r.note) text += `\n${escapeWithin(checkNoteText(r.note), 500)}`;
  if (r.verdict === "not_found" && r.lookedFor)
    text += `\n${LABELS.lookedForShort}${escapeWithin(r.lookedFor, 300)}`;
  text += suggestionText(LABELS.relatedClaims, r.suggestions);
  return unit([section(text)]);
}

/** The checked-figure units of a page starting at `offset`; a sentence or source is shown once a page. */
export function checkUnits(r: CheckReply, offset: number): Unit[] {
  const badge = showsFigureVerdicts(r);
  const track = passageTracker();
  return r.items.slice(offset).map((item) => checkedUnit(item, badge, track));
}

/** Plain-text fallback: the verdict with claim value vs source value. */
export function checkFallback(r: CheckReply): string {
  const first = r.items[0];
  const ev = first?.evidence.find((e) => e.figure);
  const vs = first
    ? `：${claimAgainstSource(escapeMrkdwn(first.claim.text), ev?.figure ? escapeMrkdwn(ev.figure.text) : null)}`
    : "";
  return `${VERDICT_LABELS[r.verdict]}${vs} — ${escapeWithin(r.claim, 500)}`;
}
