import type { DocumentTables } from "../index/document-tables.js";
import { INCREASE_WORDS } from "../lexicon/change-words.js";
import { charClass, ITEM_END } from "../lexicon/punctuation.js";
import { isStopword } from "../lexicon/stopwords.js";
import type { SearchContext } from "../rank/search-context.js";
import type { Figure } from "../text/figure.js";
import { normalizeQuery } from "../text/script.js";
import { tagWords } from "../text/segment.js";
import type { AskReply } from "./reply.js";

/** How many examples a reply offers. */
export const EXAMPLE_COUNT = 3;

/** Questions asked at most to find them: each costs one answer (1–50 ms on 12 provincial reports). */
const MAX_ASKS = 15;

/** Passages read at most for indicator phrases; a larger corpus is read at an even stride. */
const MAX_PASSAGES = 20_000;

/**
 * Characters before a figure read for its indicator, and the shortest and longest indicator phrase kept: one
 * word of two or three characters is rarely an indicator of its own (企业, 项目, 覆盖率).
 */
const LOOK_BEHIND = 14;
const MIN_PHRASE = 4;
const MAX_PHRASE = 8;

/** Words skipped between an indicator and its figure (达, 突破, 约…): at most this many. */
const MAX_LINKS = 2;

/**
 * jieba's tags of the words an indicator is made of: nouns (nr too: jieba tags 幼儿园 as a name; not ns, a
 * place), verbal and adjectival nouns, abbreviations, and words it did not know or was given (x: 城镇新增就业).
 */
const NOUN_TAGS = new Set(["n", "nr", "nz", "nt", "nl", "ng", "vn", "an", "j", "x"]);

const HAN_WORD = /^\p{Script=Han}+$/u;
const ITEM_SPLIT = new RegExp(charClass(`${ITEM_END}（）()“”"《》`));

/** An indicator phrase as the corpus writes it before figures, with where it does. */
interface Phrase {
  text: string;
  docs: Set<string>;
  statements: number;
}

/** Asks a question of the corpus (answerQuestion, passed in so that this module does not import it). */
export type Ask = (question: string) => AskReply;

const cache = new WeakMap<DocumentTables, { key: string; examples: string[] }>();

/**
 * Example questions this corpus answers, for messages that are no question (你好) and Telegram's /start.
 * Derived from the corpus, never written in: the indicator phrases it states most widely right before a figure
 * ("新增学位27.8万个", "城镇新增就业261.6万人"), each asked as "…多少" and kept only when the engine answers it
 * with a figure standing right after the phrase. With documents about several places, an example names the
 * place of the document that answers it. Deterministic; computed once per state of the index, on first use.
 */
export function exampleQuestions(ctx: SearchContext, ask: Ask): string[] {
  const key = indexState(ctx.ix);
  const cached = cache.get(ctx.ix);
  if (cached?.key === key) return cached.examples;
  // A question asked while choosing sees no examples rather than starting the choice again.
  cache.set(ctx.ix, { key, examples: [] });
  let examples: string[] | null = null;
  try {
    examples = chooseCorpusExamples(ctx, ask);
    return examples;
  } finally {
    // Kept only when chosen: after a failure the next call chooses again rather than offer nothing for good.
    if (examples) cache.set(ctx.ix, { key, examples });
    else cache.delete(ctx.ix);
  }
}

/** Chooses the examples afresh (exampleQuestions keeps them; a remote engine keeps them itself). */
export function chooseCorpusExamples(ctx: SearchContext, ask: Ask): string[] {
  return chooseExamples(ctx.ix, ask, indicatorPhrases(ctx));
}

/**
 * The documents of the index as examples are chosen from: each with its content hash and its passages (a document
 * read again gets new passage ids). Any document added, removed or replaced changes it, whatever the sizes do.
 */
export function indexState(ix: DocumentTables): string {
  let state = "";
  for (const [doc, ids] of ix.docPassages)
    state += `${doc}\t${ix.hashes.get(doc) ?? ""}\t${ids[0] ?? ""}\t${ids.length}\n`;
  return state;
}

/** A question verified to be answered well, with what it was made from and answered by. */
interface Example {
  phrase: string;
  question: string;
  quote: string;
  home: string | null;
}

/**
 * Asks the phrases in order until enough are answered well: first each about another place (when the corpus
 * has several), then any. At most MAX_ASKS questions are asked.
 */
function chooseExamples(ix: DocumentTables, ask: Ask, phrases: Phrase[]): string[] {
  const manyPlaces = new Set([...ix.homes.values()].filter(Boolean)).size > 1;
  const tried = new Map<string, Example | null>();
  let asks = 0;
  const counted: Ask = (question) => {
    asks++;
    return ask(question);
  };
  const chosen: Example[] = [];
  for (const distinctPlaces of [true, false]) {
    for (const { text } of phrases) {
      if (chosen.length >= EXAMPLE_COUNT || (asks >= MAX_ASKS && !tried.has(text))) break;
      if (chosen.some((c) => c.phrase.includes(text) || text.includes(c.phrase))) continue;
      if (!tried.has(text)) tried.set(text, verifiedExample(ix, counted, text, manyPlaces));
      const ex = tried.get(text);
      if (
        !ex ||
        chosen.some((c) => c.quote === ex.quote || (distinctPlaces && ex.home && c.home === ex.home))
      )
        continue;
      chosen.push(ex);
    }
  }
  return chosen.map((c) => c.question);
}

/** "phrase多少", with the place of the answering document before it when the corpus has several, if answered well. */
function verifiedExample(ix: DocumentTables, ask: Ask, phrase: string, manyPlaces: boolean): Example | null {
  const plain = wellAnswered(ask(`${phrase}多少`), phrase);
  const home = plain && manyPlaces ? (ix.homes.get(plain.doc) ?? null) : null;
  if (!plain || !home) return plain && { phrase, question: `${phrase}多少`, quote: plain.quote, home: null };
  const question = `${home}${phrase}多少`;
  const placed = wellAnswered(ask(question), phrase);
  return placed && { phrase, question, quote: placed.quote, home };
}

/**
 * The answer's sentence and document when it answers the phrase's question well: a figure heads it, it stands
 * right after the phrase in its sentence, and no note qualifies it (an increase for a stock).
 */
function wellAnswered(reply: AskReply, phrase: string): { quote: string; doc: string } | null {
  if (reply.kind !== "answer" || reply.note) return null;
  const top = reply.answers[0];
  const at = top?.quote.highlights[0]?.[0];
  if (!top?.figure || at === undefined) return null;
  const item = normalizeQuery(top.quote.text.slice(0, at)).split(ITEM_SPLIT).pop() ?? "";
  if (!item.includes(phrase)) return null;
  return { quote: top.quote.text, doc: top.sources[0]?.doc ?? "" };
}

/**
 * The indicator phrases of the corpus, most widely stated first: by documents, then statements, then as text
 * (so the order never depends on the order documents were added in).
 */
export function indicatorPhrases(ctx: SearchContext): Phrase[] {
  const ids = [...ctx.ix.docPassages.values()].flat();
  const stride = Math.max(1, Math.ceil(ids.length / MAX_PASSAGES));
  const phrases = new Map<string, Phrase>();
  for (let i = 0; i < ids.length; i += stride) {
    const p = ctx.passages.passage(ids[i] as number);
    if (!p) continue;
    let prevEnd = 0;
    for (const f of p.figures) {
      const before = p.norm.slice(Math.max(prevEnd, f.start - LOOK_BEHIND), f.start);
      prevEnd = f.end;
      if (!countedFigure(f)) continue;
      for (const text of phrasesBefore(before)) {
        const entry = phrases.get(text) ?? { text, docs: new Set<string>(), statements: 0 };
        entry.docs.add(p.doc);
        entry.statements++;
        phrases.set(text, entry);
      }
    }
  }
  return [...phrases.values()].sort(
    (a, b) =>
      b.docs.size - a.docs.size ||
      b.statements - a.statements ||
      (a.text < b.text ? -1 : a.text > b.text ? 1 : 0),
  );
}

/** A figure that counts or measures something, written in digits (not a year, a date, a rank or "八项规定"). */
function countedFigure(f: Figure): boolean {
  return (f.kind === "quantity" || f.kind === "percent") && !f.chinese;
}

/**
 * The indicator written before a figure ("…普惠性幼儿园覆盖率达" → 幼儿园覆盖率, "…新增学位" → 新增学位): past at
 * most two linking words (达, 突破), the nouns that end the item, up to eight characters, with an increase word
 * before them kept (the figure counts what was added); then its shorter endings of whole words ("学前教育毛入园率"
 * → 毛入园率), so that one indicator written with different qualifiers is counted as one. Four characters or
 * more each; none when there is no such phrase.
 */
export function phrasesBefore(before: string): string[] {
  const item = before.split(ITEM_SPLIT).pop() ?? "";
  const words = tagWords(item);
  let end = words.length;
  while (end > 0 && words.length - end < MAX_LINKS && !isNoun(words[end - 1])) end--;
  let start = end;
  let length = 0;
  while (start > 0 && isNoun(words[start - 1]) && length + (words[start - 1]?.word.length ?? 0) <= MAX_PHRASE)
    length += words[--start]?.word.length ?? 0;
  if (length === 0) return [];
  const nouns = words.slice(start, end).map((w) => w.word);
  const previous = words[start - 1]?.word ?? "";
  const head = INCREASE_WORDS.at(previous, 0)?.[0] === previous ? previous : "";
  const phrases = [head + nouns.join(""), ...nouns.slice(1).map((_, i) => nouns.slice(i + 1).join(""))];
  return [...new Set(phrases)].filter((p) => p.length >= MIN_PHRASE);
}

/** A Chinese noun that is no function or general word ("数量", "全市"). */
function isNoun(w: { word: string; tag: string } | undefined): boolean {
  return !!w && NOUN_TAGS.has(w.tag) && HAN_WORD.test(w.word) && !isStopword(w.word);
}
