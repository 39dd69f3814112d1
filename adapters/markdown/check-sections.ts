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
import { escapeWithin, type MarkdownDialect } from "./dialect.js";
import { type Part, quoteMd, sourcesNote, suggestionText, type Unit, unit } from "./sections.js";

const MAX_EVIDENCE = 3;

function evidenceParts(d: MarkdownDialect, e: Evidence, shown: ShownPassage): Part[] {
  if (shown.quotedAbove) return [];
  const fig = e.figure
    ? `${LABELS.sourceValue} ${d.bold(d.escape(e.figure.text))}${periodLabel(e.period)}\n`
    : "";
  const above = shown.citedAbove ? `\n${LABELS.citedAbove}` : "";
  return [{ kind: "text", md: `${fig}${quoteMd(d, e.quote)}${above}` }, ...sourcesNote(d, shown)];
}

/** One checked figure: claim value vs source value(s), then the evidence passages with their sources. */
function checkedUnit(d: MarkdownDialect, item: CheckedFigure, badge: boolean, track: Tracker): Unit {
  const values = item.evidence.flatMap((e) => (e.figure ? [d.escape(e.figure.text)] : []));
  const source = values.length
    ? ` · ${LABELS.sourceValue} ${[...new Set(values)].map((v) => d.bold(v)).join(" / ")}`
    : "";
  const claim = `${LABELS.claimValue} ${d.bold(d.escape(item.claim.text))}`;
  const evidence = item.evidence.slice(0, MAX_EVIDENCE);
  const shown = evidence.map((e) => track(e.quote, [e.source]));
  const above = shown.some((x) => x.quotedAbove) ? LABELS.quotedAbove : "";
  const head: Part = {
    kind: "text",
    md: `${badge ? `${VERDICT_LABELS[item.verdict]} · ` : ""}${claim}${source}${above}`,
  };
  return unit([head, ...evidence.flatMap((e, i) => evidenceParts(d, e, shown[i] as ShownPassage))]);
}

type Tracker = ReturnType<typeof passageTracker>;

/** The check's heading: overall verdict and the claim, with the note or what was looked for. */
export function checkHeadUnit(d: MarkdownDialect, r: CheckReply): Unit {
  let md = `${d.bold(`${LABELS.checkResult}${VERDICT_LABELS[r.verdict]}`)}\n${LABELS.claim}${escapeWithin(d, r.claim, 1000)}`;
  if (r.note) md += `\n${escapeWithin(d, checkNoteText(r.note), 500)}`;
  if (r.verdict === "not_found" && r.lookedFor)
    md += `\n${LABELS.lookedForShort}${escapeWithin(d, r.lookedFor, 300)}`;
  md += suggestionText(d, LABELS.relatedClaims, r.suggestions);
  return unit([{ kind: "text", md }]);
}

/** The checked-figure units from `offset`; a sentence or source is shown once a page. */
export function checkUnits(d: MarkdownDialect, r: CheckReply, offset: number): Unit[] {
  const badge = showsFigureVerdicts(r);
  const track = passageTracker();
  return r.items.slice(offset).map((item) => checkedUnit(d, item, badge, track));
}

/** One line for a notification preview: the verdict with the claim's value against the source's. */
export function checkSummary(d: MarkdownDialect, r: CheckReply): string {
  const first = r.items[0];
  const ev = first?.evidence.find((e) => e.figure);
  const vs = first
    ? `：${claimAgainstSource(d.escape(first.claim.text), ev?.figure ? d.escape(ev.figure.text) : null)}`
    : "";
  return `${VERDICT_LABELS[r.verdict]}${vs}`;
}
