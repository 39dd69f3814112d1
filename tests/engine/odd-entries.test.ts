import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEngine, type Engine } from "../../src/engine.js";

const OUTSIDE_DOC = "江北区停车设施建设\n\n今年以来，江北区新增公共停车位3.4万个。\n";

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "odd-"));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

function corpusCopy(name: string): string {
  const dir = join(root, name);
  cpSync("seeds", dir, { recursive: true });
  return dir;
}

const reasons = (skipped: Array<{ file: string; reason: string }>) =>
  Object.fromEntries(skipped.map((s) => [s.file, s.reason]));

const topFigure = async (engine: Engine, q: string) => {
  const r = await engine.ask(q);
  return r.kind === "answer" ? r.answers[0]?.figure?.text : null;
};

describe("only regular files inside the corpus directory are read", () => {
  it.each([
    ["a FIFO named synonyms.txt", "synonyms.txt", (p: string) => execFileSync("mkfifo", [p])],
    ["a directory named places.txt", "places.txt", (p: string) => mkdirSync(p)],
  ])(
    "refuses %s, a word table of the corpus, by name instead of hanging or failing with EISDIR",
    async (_, name, make) => {
      const dir = corpusCopy(`table-${name}`);
      make(join(dir, name));
      await expect(createEngine({ corpusDir: dir })).rejects.toThrow(
        `INPUT_INVALID: ${join(dir, name)}: not a regular file — not read`,
      );
    },
  );

  it("skips a directory, a FIFO, a dangling link and a link leading out, at start and on every sync", async () => {
    const dir = corpusCopy("odd");
    mkdirSync(join(dir, "notes.txt"));
    execFileSync("mkfifo", [join(dir, "pipe.txt")]);
    symlinkSync(join(dir, "gone-target.txt"), join(dir, "gone.txt"));
    writeFileSync(join(root, "outside.txt"), OUTSIDE_DOC);
    symlinkSync(join(root, "outside.txt"), join(dir, "outside.txt"));
    const engine = await createEngine({ corpusDir: dir });
    const expected = {
      "gone.txt": "a symbolic link to a missing file — not read",
      "notes.txt": "a directory — not read",
      "outside.txt": "a symbolic link to a file outside the corpus directory — not read",
      "pipe.txt": "a named pipe (FIFO) — not read",
    };
    expect(reasons(engine.skipped)).toEqual(expected);
    expect(await topFigure(engine, "江北区新增停车位多少")).toBeNull();
    expect(await topFigure(engine, "新增学位多少")).toBe("27.8万个");
    const changes = await engine.sync();
    expect(reasons(changes.skipped)).toEqual(expected);
    expect(changes).toMatchObject({ added: [], updated: [], removed: [] });
  });

  it("skips a file whose name holds control characters, naming it with escapes", async () => {
    const dir = corpusCopy("names");
    writeFileSync(join(dir, "\x1b]0;pwned\x07\x1b[2Jreport.txt"), OUTSIDE_DOC);
    const engine = await createEngine({ corpusDir: dir });
    expect(engine.skipped).toEqual([
      {
        file: "\\x1b]0;pwned\\x07\\x1b[2Jreport.txt",
        reason: "a name with control characters (a terminal would obey them) — rename it; not read",
      },
    ]);
    expect(await topFigure(engine, "江北区新增停车位多少")).toBeNull();
  });

  it("reads a link to a file inside the corpus directory", async () => {
    const dir = corpusCopy("inside");
    mkdirSync(join(dir, "sub"));
    writeFileSync(join(dir, "sub", "doc.txt"), OUTSIDE_DOC);
    symlinkSync(join(dir, "sub", "doc.txt"), join(dir, "linked.txt"));
    const engine = await createEngine({ corpusDir: dir });
    expect(engine.skipped).toEqual([]);
    expect(await topFigure(engine, "江北区新增停车位多少")).toBe("3.4万个");
  });
});

describe("document text reaches answers without control characters", () => {
  it("strips escape sequences, OSC titles and BEL from passages and titles; keeps only http(s) URLs", async () => {
    const dir = corpusCopy("escapes");
    const hostile = `\x1b]0;pwned\x07渝北区停车设施\x1b[8m建设\x1b[0m\n\n\x1b[2J今年以来，渝北区新增公共停车位\x1b[31m1.2万个\x1b[0m，缓解停车难。\x07\x9b1m\n${"渝北区还将加快推进智慧停车平台建设，提升停车服务水平。\n".repeat(6)}`;
    writeFileSync(join(dir, "esc.txt"), hostile);
    const page = `<html><head><meta property="og:title" content="标题\x1b[2J"><meta property="og:url" content="javascript:alert(1)"></head>
      <body><article><p>今年以来，江北区新增公共停车位3.4万个。</p></article></body></html>`;
    writeFileSync(join(dir, "page.html"), page);
    const engine = await createEngine({ corpusDir: dir });
    const reply = await engine.ask("渝北区新增停车位多少");
    expect(reply.kind).toBe("answer");
    const shown = JSON.stringify(reply);
    expect(shown).toContain("1.2万个");
    expect(shown).not.toMatch(/\\u001b|\\u0007|\\u009b|pwned/);
    const meta = engine.sources().find((d) => d.doc === "page.html");
    expect(meta).toMatchObject({ title: "标题", url: null });
    expect(engine.notes).toEqual([
      'page.html: URL "javascript:alert(1)" dropped: only http(s) URLs are kept',
    ]);
    const esc = engine.sources().find((d) => d.doc === "esc.txt");
    expect(esc?.title).toBe("渝北区停车设施建设");
  });

  it("drops a manifest URL that is not http(s)", async () => {
    const dir = corpusCopy("urls");
    const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as {
      documents: Array<{ file: string; url: string | null }>;
    };
    const first = manifest.documents[0] as { file: string; url: string | null };
    first.url = "javascript:alert(document.cookie)";
    writeFileSync(join(dir, "manifest.json"), JSON.stringify(manifest));
    const engine = await createEngine({ corpusDir: dir });
    expect(engine.sources().find((d) => d.doc === first.file)?.url).toBeNull();
    expect(engine.notes).toEqual([
      `${first.file}: URL "javascript:alert(document.cookie)" dropped: only http(s) URLs are kept`,
    ]);
    const page =
      '<meta property="og:url" content="file:///etc/passwd"><p>今年以来，江北区新增公共停车位3.4万个。</p>';
    writeFileSync(join(dir, "linked.html"), page);
    const changes = await engine.sync();
    expect(changes.added).toEqual(["linked.html"]);
    expect(changes.notes).toEqual([
      'linked.html: URL "file:///etc/passwd" dropped: only http(s) URLs are kept',
    ]);
  });
});

describe("refused files across a snapshot", () => {
  it("keeps a refusal while the limits are the same, and reads the file again when they change", async () => {
    const dir = corpusCopy("refused-snapshot");
    const snapshotFile = join(root, "refused-snapshot.bin");
    const paragraphs = "<p>今年以来，江北区新增公共停车位3.4万个。</p>".repeat(20);
    writeFileSync(join(dir, "many.html"), `<html><body><article>${paragraphs}</article></body></html>`);
    const strict = { snapshotFile, documentLimits: { htmlElements: 10 } };
    const first = await createEngine({ corpusDir: dir, ...strict });
    expect(first.skipped.map((s) => s.file)).toEqual(["many.html"]);
    const again = await createEngine({ corpusDir: dir, ...strict });
    expect(again.startup.from).toBe("snapshot");
    expect(again.skipped.map((s) => s.reason)).toEqual(first.skipped.map((s) => s.reason));
    expect((await again.sync()).skipped.map((s) => s.file)).toEqual(["many.html"]);
    const relaxed = await createEngine({ corpusDir: dir, snapshotFile });
    expect(relaxed.startup.from).toBe("files");
    expect(relaxed.skipped).toEqual([]);
    expect(await topFigure(relaxed, "江北区新增停车位多少")).toBe("3.4万个");
  });
});
