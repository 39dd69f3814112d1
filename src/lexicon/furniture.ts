/**
 * Page furniture: the lines of a scraped page or a newspaper PDF that are not the document's text — site
 * banners, spam, copyright notices, photo credits, page numbers, separators between articles, source and
 * time lines, bylines. Each rule names the line kind it yields; they are tried in order and the first match
 * decides (corpus/classify-line.ts). Table tests, each with a line from a real document:
 * tests/lexicon/furniture.test.ts.
 */

/** What a furniture line is: dropped, or a marker that tells the layout something. */
export type FurnitureKind =
  | "drop"
  | "separator"
  | "timestamp"
  | "siteinfo"
  | "source"
  | "byline"
  /** A breadcrumb: dropped with the short item lines right around it ("首页 / > / 政府信息公开 / >"). */
  | "crumb"
  /** A label whose value stands on the next line ("来源：" then "陕西省人民政府"). */
  | "label";

/** The form of the line a rule is tested on. */
export type LineForm =
  /** trimmed as written */
  | "raw"
  /** NFKC, lower case, simplified script, no spaces between CJK */
  | "norm"
  /** as written, all whitespace removed */
  | "compact"
  /** as written, full-width parentheses folded to ASCII */
  | "parens";

/** One kind of furniture line. */
export interface FurnitureRule {
  name: string;
  kind: FurnitureKind;
  form: LineForm;
  /** A pattern, or a test for what a pattern cannot say without backtracking. */
  matches: RegExp | ((line: string) => boolean);
  /** Longest line the rule applies to (furniture comes as short lines); none: any length up to the global cap. */
  maxChars?: number;
  /** The rule does not apply to a line holding sentence punctuation (。，,): that is text quoting the words. */
  notInSentence?: boolean;
}

/**
 * Page furniture comes as short lines. A paragraph-length line that contains a disclaimer or a "点击查看版面"
 * is a page saved without line breaks: it is kept as text rather than dropped whole with everything around it.
 */
export const FURNITURE_MAX_CHARS = 300;

/** "2025-04-24 07:38": a timestamp line, which also ends one article of a page and starts the next. */
export const TIMESTAMP_LINE = /^(\d{4})-(\d{2})-(\d{2})(\s+\d{1,2}:\d{2}(:\d{2})?)?$/;

/** A web address in a line. */
export const URL_IN_LINE = /https?:\/\/[^\s]+/;

/** "来源：重庆日报" inside a line: the publisher named. */
export const SOURCE_IN_LINE = /[来來]源[:：]\s*《?([^》\s]{2,20})》?/;

/** A byline: "□ 重庆日报记者 云钰", "文/图 张三", "通讯员 李四"; group 1 is what precedes 记者. */
export const BYLINE_LINE =
  /^[□■◇]?\s*(?:([^\s□]{0,12}?)(?:首席)?记者|(?:文|图)[:／/]|通讯员)\s*([^\s。,，]{2,4})(\s+[^\s。,，]{2,4}){0,3}$/;

/** Words of page widgets: print, font size, share, close, "open on your phone". */
const WIDGET_WORDS = [
  "在手机打开当前页",
  "在手机上打开",
  "扫一扫",
  "打印本页",
  "打印此页",
  "关闭窗口",
  "返回顶部",
  "复制链接",
  "分享到",
  "分享至",
  "手机版",
  "qq空间",
  "下载",
  "打印",
  "全屏",
  "收藏",
  "关闭",
  "加大",
  "还原",
  "减小",
  "放大",
  "缩小",
  "默认",
  "分享",
  "转发",
  "返回",
  "字号",
  "字体",
  "微信",
  "微博",
  "大",
  "中",
  "小",
  "×",
];
const WIDGET_GLUE = /[【】[\]()（）:：|｜/·,，、\s]/g;

/** A line made only of widget words and brackets ("【字体：大 中 小】 分享", "打印", "扫一扫在手机打开当前页"). */
function isWidgetLine(norm: string): boolean {
  let rest = norm.replace(WIDGET_GLUE, "");
  if (rest === "" && /[×】]/.test(norm)) return true;
  const before = rest;
  for (const w of WIDGET_WORDS) rest = rest.split(w).join("");
  return rest === "" && before !== "";
}

/**
 * A salutation to the audience ("各位代表：", "各位代表！" opening a speech's last paragraph): a line, or a
 * sentence of its own, that says nothing.
 */
export const SALUTATION = /^(各位代表|各位委员|各位来宾|同志们|女士们|先生们|朋友们)[,，:：!！]?$/;

/** Labels of a page's information lines: "时间：", "来源：", "责任编辑：", "浏览次数：". */
const INFO_LABELS =
  "时间|日期|发布时间|发布日期|发稿时间|更新时间|来源|信息来源|文章来源|稿件来源|作者|编辑|责任编辑|责编|审核|校对|浏览次数|点击数|阅读数|阅读量|访问量|发布者|发布机构|发文机关";

/** A run of three or more "_"-separated slogans (a site's title banner); counted, not matched, to stay linear. */
function isSloganRun(s: string): boolean {
  const parts = s.split("_");
  return parts.length >= 3 && parts.every((p) => p.trim().length > 0);
}

/** The furniture rules, in the order they are tried. */
export const FURNITURE_RULES: readonly FurnitureRule[] = [
  {
    name: "spam",
    kind: "drop",
    form: "norm",
    matches: /毛片|自慰|色情|成人视频|av(免费|在线)|免费观看/i,
    notInSentence: true,
  },
  { name: "slogan-run", kind: "drop", form: "norm", matches: isSloganRun, notInSentence: true },
  {
    name: "disclaimer",
    kind: "drop",
    form: "norm",
    matches:
      /版权(均)?(属|归)|未经(本网)?(授权|许可)[^。]{0,6}不得|不作任何保证|特别说明|免责声明|仅供参考|请读者仅作参考|更多[^。]{0,12}(文章|新闻|内容)[^。]{0,6}点击|请点击查看|追究其?相关法律责任/,
  },
  {
    name: "article-separator",
    kind: "separator",
    form: "norm",
    matches:
      /点击查看版面|↓↓↓|^\(?(上接|下转|接)第?\d+版\)?$|^相关(新闻|阅读|链接|报道|文档|文章|专题)[:：]?$/,
  },
  { name: "front-matter-rule", kind: "separator", form: "raw", matches: /^-{3,}$/ },
  {
    name: "front-matter-field",
    kind: "drop",
    form: "raw",
    matches:
      /^(-{3,}\s*)?(title|date|author|source|url|tags|categories|description|summary|slug|lang|layout|draft|id|keywords)\s*:/i,
    maxChars: 200,
  },
  { name: "page-widget", kind: "drop", form: "norm", matches: isWidgetLine, maxChars: 40 },
  {
    name: "breadcrumb",
    kind: "crumb",
    form: "norm",
    matches:
      /^(您的位置|你的位置|当前位置|所在位置|您现在的位置)[:：]|^(首页|主页)$|^(首页|主页)\s*[>»›]|^[>»›]$/,
    maxChars: 120,
  },
  { name: "salutation", kind: "drop", form: "norm", matches: SALUTATION },
  {
    name: "speaker",
    kind: "drop",
    form: "raw",
    matches:
      /^(\S{0,60}(会议|大会)上[\s\u3000]+)?\S{0,20}?(省长|市长|区长|县长|州长|盟长|主席|厅长|局长|主任)[\s\u3000]+\S{2,4}$|^(省长|市长|区长|县长|州长|主席)\S{2,4}作\S{0,10}报告$/,
    maxChars: 80,
  },
  {
    name: "special-topic-link",
    kind: "drop",
    form: "norm",
    matches: /点击.{0,10}(进入|查看|阅读|访问)/,
    maxChars: 30,
  },
  {
    name: "info-label",
    kind: "label",
    form: "norm",
    matches: new RegExp(`^[【\\[(（]?(${INFO_LABELS})[:：]$`),
  },
  { name: "timestamp", kind: "timestamp", form: "raw", matches: TIMESTAMP_LINE },
  { name: "site-url", kind: "siteinfo", form: "raw", matches: URL_IN_LINE, maxChars: 119 },
  {
    name: "source-and-time",
    kind: "siteinfo",
    form: "raw",
    matches: /[来來]源[:：].{0,40}(发布|發布|时间|時間|日期)[:：]?\s*\d{4}/,
    maxChars: 119,
  },
  { name: "source", kind: "source", form: "compact", matches: /^[来來]源[:：]\s*《?([^》\s]{2,20})》?$/ },
  {
    name: "info-line",
    kind: "siteinfo",
    form: "raw",
    matches: new RegExp(`^[【\\[(（]?\\s*(${INFO_LABELS})\\s*[:：]`),
    maxChars: 80,
  },
  {
    name: "photo-credit",
    kind: "drop",
    form: "parens",
    matches:
      /(记者|摄影|通讯员|实习生)[^。,]{0,12}摄(\/\S+)?$|^\S{0,20}\s\S{2,4}\s*摄$|供图\)?$|^\(?图[:／/]/,
    maxChars: 40,
  },
  { name: "page-number", kind: "drop", form: "raw", matches: /^[-—\s]*\d{1,3}[-—\s]*$/ },
  { name: "byline", kind: "byline", form: "raw", matches: BYLINE_LINE, maxChars: 30, notInSentence: true },
];

/** Site chrome the fallback drops: navigation, page header and footer, sidebars, cookie banners. */
export const HTML_CHROME = [
  "nav",
  "header",
  "footer",
  "aside",
  "script",
  "style",
  "noscript",
  "form",
  "[role=navigation]",
  "[role=banner]",
  "[role=contentinfo]",
  "[class*=cookie]",
  "[id*=cookie]",
  "[class*=consent]",
  "[id*=consent]",
].join(",");
