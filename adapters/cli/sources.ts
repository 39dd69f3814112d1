import { citationText, type DocumentMeta } from "../../src/mod.js";

/** One document as `sources --json` prints it: every field present, null where the corpus does not show it. */
export interface SourceJson {
  doc: string;
  title: string | null;
  /** The document's home place (广东 for a Guangdong report), as the index read it. */
  place: string | null;
  date: string | null;
  publisher: string | null;
  url: string | null;
}

/** A document's fields for the JSON listing, in a fixed order. */
export function sourceJson(d: DocumentMeta): SourceJson {
  return {
    doc: d.doc,
    title: d.title,
    place: d.place ?? null,
    date: d.date,
    publisher: d.publisher,
    url: d.url,
  };
}

/** One document as a line: 《title》 publisher date · place: 广东  [file]. */
export function sourceLine(d: DocumentMeta): string {
  return `${citationText(d)} · place: ${d.place ?? "unknown"}  [${d.doc}]`;
}

/** `sources`: one line per document of the corpus, readable or JSON. */
export function renderSources(docs: DocumentMeta[], json: boolean): string {
  return docs.map((d) => (json ? JSON.stringify(sourceJson(d)) : sourceLine(d))).join("\n");
}
