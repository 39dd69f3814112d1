import {
  type CheckedFigure,
  type CheckReply,
  checkNoteText,
  claimAgainstSource,
  type Evidence,
  LABELS,
  periodLabel,
  VERDICT_LABELS,
} from "../../src/mod.js";
import { type Block, context, section } from "./blocks.js";
import { escapeWithin } from "./cut-text.js";
import { blockQuote, bold, escapeMrkdwn } from "./escape-mrkdwn.js";
import { suggestionText, type Unit, unit } from "./render-answer.js";
import { citationMrkdwn, quoteMrkdwn } from "./render-parts.js";

const QUOTE_MAX = 1200;
const MAX_EVIDENCE = 3;

function evidenceBlocks(e: Evidence): Block[] {
  const fig = e.figure
    ? `${LABELS.sourceValue} ${bold(escapeMrkdwn(e.figure.text))}${periodLabel(e.period)}\n`
    : "";
  return [
    section(`${fig}${blockQuote(quoteMrkdwn(e.quote, QUOTE_MAX))}`),
    context(`${LABELS.source}${citationMrkdwn(e.source)}`),
  ];
}

/** One checked figure: its verdict, claim value vs source value(s), and the evidence passages. */
export function checkedUnit(item: CheckedFigure): Unit {
  const values = item.evidence
    .map((e) => (e.figure ? escapeMrkdwn(e.figure.text) : null))
    .filter((v): v is string => v !== null);
  const source = values.length
    ? ` · ${LABELS.sourceValue} ${[...new Set(values)].map(bold).join(" / ")}`
    : "";
  const claim = `${LABELS.claimValue} ${bold(escapeMrkdwn(item.claim.text))}`;
  const head = section(`${VERDICT_LABELS[item.verdict]} · ${claim}${source}`);
  return unit([head, ...item.evidence.slice(0, MAX_EVIDENCE).flatMap(evidenceBlocks)]);
}

/** The check's heading unit: overall verdict and the claim, with the note or what was looked for. */
export function checkHeadUnit(r: CheckReply): Unit {
  let text = `*${LABELS.checkResult}${VERDICT_LABELS[r.verdict]}*\n${LABELS.claim}${escapeWithin(r.claim, 1000)}`;
  if (r.note) text += `\n${escapeWithin(checkNoteText(r.note), 500)}`;
  if (r.verdict === "not_found" && r.lookedFor)
    text += `\n${LABELS.lookedForShort}${escapeWithin(r.lookedFor, 300)}`;
  text += suggestionText(LABELS.relatedClaims, r.suggestions);
  return unit([section(text)]);
}

/** The checked-figure units of a reply. */
export function checkUnits(r: CheckReply): Unit[] {
  return r.items.map(checkedUnit);
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
