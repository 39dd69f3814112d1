import {
  type AnswerItem,
  type AskReply,
  type CheckReply,
  checkNoteText,
  type Evidence,
  noAnswerText,
} from "../../src/mod.js";

/** One answer in the scored JSON contract (../shared/eval/README.md). */
export function answerJson(a: AnswerItem) {
  const s = a.sources[0];
  return {
    text: a.quote.text,
    figures: a.figure ? [{ text: a.figure.text, value: a.figure.value, unit: a.figure.unit }] : [],
    source: s
      ? { doc: s.doc, title: s.title, publisher: s.publisher, date: s.date, paragraph: s.paragraph }
      : null,
    alsoIn: a.sources.slice(1).map((o) => ({ doc: o.doc, title: o.title, paragraph: o.paragraph })),
    score: a.score,
  };
}

/** The `ask --json` object: question, noAnswer, up to five answers best first. */
export function askJson(reply: AskReply) {
  if (reply.kind === "no-answer")
    return {
      question: reply.question,
      noAnswer: true,
      answers: [],
      reason: noAnswerText(reply.reason),
      suggestions: reply.suggestions,
      examples: reply.examples,
      ...(reply.explain ? { explain: reply.explain } : {}),
    };
  return {
    question: reply.question,
    noAnswer: false,
    answers: reply.answers.slice(0, 5).map(answerJson),
    ...(reply.explain ? { explain: reply.explain } : {}),
  };
}

/** One piece of check evidence in the same shape as an answer. */
function evidenceJson(e: Evidence) {
  return answerJson({ figure: e.figure, quote: e.quote, sources: [e.source], score: 0 });
}

/** The `check --json` object: claim, verdict, evidence (the worst figure's evidence first). */
export function checkJson(reply: CheckReply) {
  return {
    claim: reply.claim,
    verdict: reply.verdict,
    evidence: reply.items.flatMap((i) => i.evidence.map(evidenceJson)),
    figures: reply.items.map((i) => ({
      claim: i.claim.text,
      verdict: i.verdict,
      sources: i.evidence.map((e) => e.figure?.text ?? null),
    })),
    ...(reply.note ? { note: checkNoteText(reply.note) } : {}),
    ...(reply.suggestions.length ? { suggestions: reply.suggestions } : {}),
    ...(reply.explain ? { explain: reply.explain } : {}),
  };
}
