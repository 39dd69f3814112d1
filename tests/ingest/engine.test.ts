import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { AskReply } from "../../src/answer/reply.js";
import { ingestFiles } from "../../src/corpus/ingest.js";
import { createEngine, type Engine } from "../../src/engine.js";
import { makeDocx, makeHtml, makePdf } from "./fixtures.js";

let engine: Engine;

function top(reply: AskReply) {
  expect(reply.kind).toBe("answer");
  if (reply.kind !== "answer") throw new Error("no answer");
  const first = reply.answers[0];
  if (!first) throw new Error("no answers");
  return { text: first.quote.text, figure: first.figure?.text, source: first.sources[0] };
}

beforeAll(async () => {
  const root = mkdtempSync(join(tmpdir(), "ingest-engine-"));
  const corpus = join(root, "corpus");
  const inbox = join(root, "inbox");
  mkdirSync(corpus);
  mkdirSync(inbox);
  for (const f of readdirSync("seeds")) copyFileSync(join("seeds", f), join(corpus, f));
  const html = makeHtml({
    title: "某某区加快建设充电基础设施",
    site: "某某区融媒体中心",
    published: "2025-05-20T09:30:00+08:00",
    paragraphs: ["记者从区发展改革委获悉，截至4月底，某某区累计建成公共充电桩3200个，覆盖全部街道。"],
  });
  writeFileSync(join(inbox, "charging.html"), html);
  writeFileSync(
    join(inbox, "elderly.pdf"),
    await makePdf(["某某区养老服务工作报告", "2024年，某某区新增养老床位1500张，建成社区养老服务站42个。"]),
  );
  writeFileSync(
    join(inbox, "parking.docx"),
    await makeDocx(["某某区停车设施建设情况", "今年以来，某某区新增停车位1.2万个，有效缓解停车难问题。"]),
  );
  const results = await ingestFiles([inbox], {
    corpusDir: corpus,
    maxDocMb: 20,
    meta: { publisher: "某某区人民政府" },
    clock: () => new Date(2025, 5, 9),
  });
  expect(results.map((r) => r.status)).toEqual(["added", "added", "added"]);
  engine = await createEngine({ corpusDir: corpus });
}, 60_000);

describe("an engine over a corpus with ingested documents", () => {
  it("answers from an ingested DOCX and cites it with its manifest metadata", async () => {
    const answer = top(await engine.ask("新增停车位多少"));
    expect(answer.figure).toBe("1.2万个");
    expect(answer.source).toMatchObject({
      doc: "parking.docx",
      docTitle: "某某区停车设施建设情况",
      publisher: "某某区人民政府",
    });
  });

  it("answers from an ingested PDF", async () => {
    const answer = top(await engine.ask("新增养老床位多少"));
    expect(answer.figure).toBe("1500张");
    expect(answer.source).toMatchObject({ doc: "elderly.pdf", publisher: "某某区人民政府" });
  });

  it("answers from an ingested web page, with its published date", async () => {
    const answer = top(await engine.ask("公共充电桩有多少个"));
    expect(answer.figure).toBe("3200个");
    expect(answer.source).toMatchObject({
      doc: "charging.html",
      docTitle: "某某区加快建设充电基础设施",
      date: "2025-05-20",
    });
  });

  it("still answers from the seed documents", async () => {
    expect(top(await engine.ask("新增学位多少")).figure).toBe("27.8万个");
    expect(engine.sources()).toHaveLength(8);
  });
});
