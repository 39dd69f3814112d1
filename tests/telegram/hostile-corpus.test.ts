import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { createEngine, type Engine } from "../../src/engine.js";
import { FakeBotApi } from "./fake-api.js";
import { sentText, testBot } from "./helpers.js";
import { assertWellFormed, visibleText } from "./html-check.js";
import { messageUpdate } from "./updates.js";

const HOSTILE_SENTENCE = "据<b>x</b> & <script>统计，全市新增学位12.5万个，覆盖<全部>区县。";

let engine: Engine;
let api: FakeBotApi;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), "tg-hostile-"));
  writeFileSync(join(dir, "hostile.txt"), `恶意标题\n\n${HOSTILE_SENTENCE}\n`, "utf8");
  const manifest = {
    documents: [
      {
        file: "hostile.txt",
        title: "<i>恶意</i> & 标题",
        publisher: "A&B<报>",
        date: "2025-01-02",
        url: null,
      },
    ],
  };
  writeFileSync(join(dir, "manifest.json"), JSON.stringify(manifest), "utf8");
  engine = await createEngine({ corpusDir: dir });
  api = await new FakeBotApi().start();
});
afterAll(() => api.close());
beforeEach(() => api.reset());

it("escapes hostile document text in an answer and keeps the HTML well-formed", async () => {
  const t = await testBot(engine, api);
  await t.send(messageUpdate("新增学位多少"));
  const html = sentText(api);
  assertWellFormed(html);
  expect(html).toContain("<b>12.5万个</b>");
  expect(html).toContain("据&lt;b&gt;x&lt;/b&gt;&amp;&lt;script&gt;统计");
  expect(html).not.toMatch(/<script>|<i>恶意|<全部>|<报>/);
  // The corpus drops whitespace inside sentences; every other character must come through as written.
  expect(visibleText(html)).toContain(HOSTILE_SENTENCE.replace(/\s/g, ""));
});

it("escapes hostile document text in /sources", async () => {
  const t = await testBot(engine, api);
  await t.send(messageUpdate("/sources"));
  const html = sentText(api);
  assertWellFormed(html);
  expect(visibleText(html)).toContain("《<i>恶意</i> & 标题》 A&B<报> 2025-01-02");
});
