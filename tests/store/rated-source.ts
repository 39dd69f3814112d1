import type { Citation } from "../../src/answer/reply.js";

/** The source a rated answer in the feedback tests cites. */
export const RATED_SOURCE: Citation = {
  doc: "a.txt",
  title: "标题",
  docTitle: "标题",
  publisher: "重庆日报",
  date: "2025-04-24",
  url: "https://example.cn/a",
  paragraph: 3,
};
