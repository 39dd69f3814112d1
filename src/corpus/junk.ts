import { normalizeQuery } from "../text/script.js";

/**
 * What a line is, before paragraphs are built: text to keep, or one of the kinds of page furniture that
 * are dropped (and some of which tell us about the document or mark where an article ends).
 */
export type LineKind =
  | { kind: "text" }
  | { kind: "drop" }
  | { kind: "separator" }
  | { kind: "source"; publisher: string }
  | { kind: "byline"; publisher: string | null }
  | { kind: "siteinfo"; url: string | null; date: string | null; publisher: string | null }
  | { kind: "timestamp"; date: string };

/** Spam banners: adult-site keywords. */
const SPAM = /毛片|自慰|色情|成人视频|av(免费|在线)|免费观看/i;

/** A run of three or more "_"-separated slogans (site title banners); counted, not matched, to stay linear. */
function isSloganRun(s: string): boolean {
  const parts = s.split("_");
  return parts.length >= 3 && parts.every((p) => p.trim().length > 0);
}
/** Copyright, disclaimer and "read more" furniture (tested on the simplified, NFKC form). */
const DISCLAIMER =
  /版权(均)?(属|归)|未经(本网)?(授权|许可)[^。]{0,6}不得|不作任何保证|特别说明|免责声明|仅供参考|请读者仅作参考|更多[^。]{0,12}(文章|新闻|内容)[^。]{0,6}点击|请点击查看|追究其?相关法律责任/;
/** Lines that end one article and start another on a newspaper page. */
const SEPARATOR = /点击查看版面|↓↓↓|^\(?(上接|下转|接)第?\d+版\)?$|^相关(新闻|阅读|链接)$/;
/** Photo captions and credits: "记者 苏思 摄/视觉重庆", "实习生 赵元元 摄", "(…供图)". */
const CREDIT =
  /(记者|摄影|通讯员|实习生)[^。,]{0,12}摄(\/\S+)?$|^\S{0,20}\s\S{2,4}\s*摄$|供图\)?$|^\(?图[:／/]/;
const PAGE_NUMBER = /^[-—\s]*\d{1,3}[-—\s]*$/;
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})(\s+\d{1,2}:\d{2}(:\d{2})?)?$/;
const URL = /https?:\/\/[^\s]+/;
const SOURCE = /^[来來]源[:：]\s*《?([^》\s]{2,20})》?$/;
const SOURCE_INLINE = /[来來]源[:：]\s*《?([^》\s]{2,20})》?/;
/** "来源：江北区人民政府网　发布时间：2025-05-20": an article's info line, not its text. */
const SOURCE_AND_TIME = /[来來]源[:：].{0,40}(发布|發布|时间|時間|日期)[:：]?\s*\d{4}/;
const BYLINE =
  /^[□■◇]?\s*(?:([^\s□]{0,12}?)(?:首席)?记者|(?:文|图)[:／/]|通讯员)\s*([^\s。,，]{2,4})(\s+[^\s。,，]{2,4}){0,3}$/;
const DATE_CN = /(\d{4})[年-](\d{1,2})[月-](\d{1,2})/;

/**
 * Page furniture comes as short lines. A paragraph-length line that contains a disclaimer or a "点击查看版面"
 * is a page saved without line breaks: it is kept as text rather than dropped whole with everything around it.
 */
const FURNITURE_MAX_CHARS = 300;

/** Classifies one trimmed line of a document. */
export function classifyLine(raw: string): LineKind {
  if (raw.length > FURNITURE_MAX_CHARS) return { kind: "text" };
  const s = normalizeQuery(raw);
  if ((SPAM.test(s) || isSloganRun(s)) && !/[。,，]/.test(s)) return { kind: "drop" };
  if (DISCLAIMER.test(s)) return { kind: "drop" };
  if (SEPARATOR.test(s)) return { kind: "separator" };
  const ts = TIMESTAMP.exec(raw.trim());
  if (ts) return { kind: "timestamp", date: `${ts[1]}-${ts[2]}-${ts[3]}` };
  if ((URL.test(raw) || SOURCE_AND_TIME.test(raw)) && raw.length < 120) return siteInfo(raw);
  const src = SOURCE.exec(raw.replace(/\s+/g, ""));
  if (src?.[1]) return { kind: "source", publisher: src[1] };
  if (
    raw.length <= 40 &&
    CREDIT.test(raw.replace(/[()（）]/g, (c) => (c === "（" ? "(" : c === "）" ? ")" : c)))
  )
    return { kind: "drop" };
  if (PAGE_NUMBER.test(raw)) return { kind: "drop" };
  const by = raw.length <= 30 && !/[。，,]/.test(raw) ? BYLINE.exec(raw) : null;
  if (by) return { kind: "byline", publisher: bylinePublisher(by[1] ?? "") };
  return { kind: "text" };
}

function siteInfo(raw: string): LineKind {
  const url = URL.exec(raw)?.[0] ?? null;
  const d = DATE_CN.exec(raw);
  const date = d ? `${d[1]}-${(d[2] ?? "").padStart(2, "0")}-${(d[3] ?? "").padStart(2, "0")}` : null;
  const publisher = SOURCE_INLINE.exec(raw)?.[1] ?? null;
  return { kind: "siteinfo", url, date, publisher };
}

/** "重庆日报记者" -> 重庆日报; "本报记者" -> null (the paper is named elsewhere). */
function bylinePublisher(prefix: string): string | null {
  const p = prefix.replace(/^[□■◇\s]+/, "").replace(/(首席|特约|见习)$/, "");
  if (p === "" || p === "本报" || p.length < 2) return null;
  return p;
}
