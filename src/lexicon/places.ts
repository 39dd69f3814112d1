import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { normalizeQuery } from "../text/script.js";
import { tableText } from "./table-file.js";

/** Place names to recognise, longest first so that 两江新区 wins over shorter names inside it. */
export type Gazetteer = string[];

/** The list shipped with the project. */
export const DEFAULT_PLACES_FILE = fileURLToPath(new URL("./places.txt", import.meta.url));

/** Parses a place list: names separated by whitespace, "#" comments. */
export function parsePlaces(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.replace(/#.*$/, ""))
    .flatMap((l) => l.split(/\s+/))
    .map((w) => normalizeQuery(w))
    .filter((w) => w.length >= 2);
}

/** Reads the shipped list and any extra files that exist. */
export function loadGazetteer(extraFiles: string[] = []): Gazetteer {
  const names = new Set(parsePlaces(readFileSync(DEFAULT_PLACES_FILE, "utf8")));
  for (const f of extraFiles) if (existsSync(f)) for (const n of parsePlaces(tableText(f))) names.add(n);
  return [...names].sort((a, b) => b.length - a.length);
}

/** Places named in a normalized text, in order of first mention, each once. */
export function findPlaces(gazetteer: Gazetteer, norm: string): string[] {
  const found: Array<[number, string]> = [];
  const taken = new Array<boolean>(norm.length).fill(false);
  for (const name of gazetteer) {
    for (let i = norm.indexOf(name); i >= 0; i = norm.indexOf(name, i + 1)) {
      if (taken.slice(i, i + name.length).some(Boolean)) continue;
      for (let k = i; k < i + name.length; k++) taken[k] = true;
      found.push([i, name]);
    }
  }
  return [...new Set(found.sort((a, b) => a[0] - b[0]).map(([, n]) => n))];
}

/** The place a document is mostly about: its most frequent place name (so "我市" in a Chongqing paper is 重庆). */
export function homePlace(placeCounts: Map<string, number>): string | null {
  let best: string | null = null;
  let n = 0;
  for (const [p, c] of placeCounts) {
    if (c > n) {
      best = p;
      n = c;
    }
  }
  return best;
}
