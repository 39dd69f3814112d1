/**
 * Headline cues: what makes a line a headline or section heading, and what opens a new article on a page of
 * several (a dateline "新华社北京11月16日电(记者 熊丰)", a byline). Table tests: tests/lexicon/headline-cues.test.ts.
 */

/** Longest line read as a heading (a headline, a section heading) when it holds no sentence end. */
export const HEADING_MAX_CHARS = 40;

/** Longest line read as the next article's headline right after a page separator. */
export const TITLE_AFTER_SEPARATOR_MAX_CHARS = 64;

/** Longest headline kept whole in a citation; longer ones are cut with "…". */
export const CITED_TITLE_MAX_CHARS = 60;

/** "新华社北京11月16日电(记者 熊丰)", "本报讯(记者 胡斌)": a paragraph that opens a news article. */
export const DATELINE = /^[^，。,]{0,24}?(讯|电)[(（]/;

/** The agency or paper a dateline names: "新渝报讯" -> 新渝报, "第1眼TV-华龙网讯" -> 华龙网, "新华社北京…电" -> 新华社. */
export const DATELINE_SOURCE =
  /^(?:[^，。,(（]*?[-—])?([^，。,(（\-—]{2,8}?(?:社|报|网|台|TV))(?:[^，。,(（]{0,16})?(讯|电)[(（]/;

/** What a dateline calls the paper it stands in ("本报讯"): not a publisher name. */
export const OWN_PAPER = "本报";

/**
 * A numbered section heading ("一、2025年工作回顾", "（三）扩大内需", "3.优化布局", "第二章"): it opens a section of
 * the article it stands in, never an article of its own.
 */
export const SECTION_NUMBER =
  /^(第[一二三四五六七八九十百零〇\d]+[章节部分篇条]|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d{1,2}[、.．](?!\d))/;

/**
 * The occasion line under a speech's or report's title ("——2026年1月26日在广东省第十四届人民代表大会第五次会议上",
 * a line PDF or page layout may break in two): part of the heading, never part of the title.
 */
export const OCCASION_LINE =
  /^[—–\-－]*[(（]?\d{4}年\d{1,2}月\d{1,2}日(在.*|.*(会议|大会)上)[)）]?$|^.{2,30}(会议|大会)上[)）]?$/;
