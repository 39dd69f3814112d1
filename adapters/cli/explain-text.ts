import type {
  AskExplanation,
  CandidateExplanation,
  CheckExplanation,
  FigureCheckExplanation,
} from "../../src/mod.js";

/** Without terminal escape sequences and other control characters a document or question could carry. */
function safe(s: string): string {
  let out = "";
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if (c >= 0x20 && (c < 0x7f || c > 0x9f)) out += ch;
  }
  return out;
}

const num = (n: number | undefined) => (n === undefined ? "—" : n.toFixed(3).replace(/\.?0+$/, ""));

function features(c: CandidateExplanation): string {
  if (!c.features) return "";
  const parts = Object.entries(c.features)
    .filter(([, v]) => v !== 0)
    .map(([k, v]) => `${k} ${v > 0 ? "+" : ""}${num(v)}`);
  return parts.join("  ");
}

function outcome(c: CandidateExplanation): string {
  const o = c.outcome;
  if (o === "answer") return "✓ answers";
  switch (o.rule) {
    case "coverage":
      return `✗ coverage ${num(o.value)} < ${num(o.min)}`;
    case "core-word":
      return `✗ core word ${safe(o.word)} strength ${num(o.strength)} < ${num(o.min)}`;
    case "no-figure":
      return "✗ no figure of the kind asked";
    case "figure-closeness":
      return `✗ figure closeness ${num(o.value)} < ${num(o.min)}`;
    case "figure-kind":
      return `✗ figure kind fit ${num(o.value)} < ${num(o.min)}`;
    case "out-of-scope":
      return `✗ out of scope: ${o.reason}`;
  }
}

function candidateLines(c: CandidateExplanation, i: number): string[] {
  const head = `${String(i + 1).padStart(2)}. ${outcome(c)}${c.score === undefined ? "" : `  score ${num(c.score)}`}`;
  const lines = [head, `    ${safe(c.doc)} ¶${c.paragraph}  ${safe(c.text)}`];
  if (c.features) lines.push(`    = ${features(c)}`);
  if (c.figure)
    lines.push(
      `    figure ${safe(c.figure.text)}: kind fit ${num(c.figure.kindFit)}, closeness ${num(c.figure.closeness)}`,
    );
  return lines;
}

/** The `ask --explain` report: what was read in the question, the top candidates with their score breakdown, the decision. */
export function renderAskExplanation(e: AskExplanation): string {
  const q = e.query;
  const flags = [q.target ? "goal" : "achieved", q.national ? "national" : "", q.citywide ? "citywide" : ""]
    .filter(Boolean)
    .join(", ");
  const words = q.words
    .map(
      (w) =>
        `${safe(w.word)}(${num(w.weight)}${w.alternatives.length ? ` ~${safe(w.alternatives.join("/"))}` : ""})`,
    )
    .join(" ");
  const lines = [
    "── explain ──",
    `asks: ${q.kind}${q.unit ? ` in ${q.unit}` : ""} (rule: ${q.kindRule ?? "none"}); ${flags}`,
    `places: ${q.places.join(" ") || "—"}   years: ${q.years.join(" ") || "—"}`,
    `words: ${words || "—"}`,
    `search tokens: ${safe(q.tokens.join(" ")) || "—"} → ${q.fetched} candidates`,
    "score = coverage + figureKind + figureCloseness + noFigure + bm25 + place + year + period + sharedFigures + headline",
    ...e.candidates.flatMap(candidateLines),
    e.answered
      ? "decision: answered (the candidates marked ✓ passed the answer test)"
      : q.words.length === 0
        ? "decision: no answer — the question names nothing to look up"
        : q.fetched === 0
          ? "decision: no answer — none of the question's words is in the corpus"
          : "decision: no answer — no candidate passed the answer test (see ✗ above)",
  ];
  return lines.join("\n");
}

function figureLines(f: FigureCheckExplanation): string[] {
  const lines = [
    `figure ${safe(f.claim)}: ${f.kind}${f.unit ? ` in ${f.unit}` : ""}, ${f.target ? "goal" : "achieved"}; words ${safe(f.words.join(" "))}; anchors ${safe(f.anchors.join(" "))}`,
  ];
  for (const s of f.examined.slice(0, 15)) {
    const mark = s.outcome === "statement" ? "✓ states it" : `✗ ${s.outcome}`;
    const fig = s.figure ? ` ${safe(s.figure)} anchored ${num(s.anchored ?? undefined)}` : "";
    lines.push(
      `  ${mark}: coverage ${num(s.coverage)}${fig}${s.target ? " [goal]" : ""}  ${safe(s.doc)} ¶${s.paragraph} ${safe(s.text)}`,
    );
  }
  if (f.ownPeriodOnly) lines.push("  only statements of the claim's own period (goal/achieved) count");
  if (f.exactOnly) lines.push("  only statements whose clause adds no qualifier count");
  if (f.values.length) lines.push(`  the sources give: ${safe(f.values.join(" / "))}`);
  lines.push(`  → ${f.verdict} (${f.basis})`);
  return lines;
}

/** The `check --explain` report: per claimed figure, every sentence examined and what became of it, then the verdict. */
export function renderCheckExplanation(e: CheckExplanation): string {
  return [
    "── explain ──",
    `claim words: ${safe(e.words.join(" ")) || "—"}`,
    ...e.figures.flatMap(figureLines),
  ].join("\n");
}
