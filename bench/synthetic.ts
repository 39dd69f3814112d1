/**
 * SYNTHETIC corpus for timing only (never for quality): the seed documents' paragraphs recombined into new
 * articles. Each generated document takes a seed headline and ~5 KB of seed paragraphs drawn in shuffled
 * order, with every figure perturbed (values scaled by 0.5–1.5, years kept), and the place names varied
 * (重庆 and its districts replaced by another city and its own made-up districts). A seeded PRNG
 * (mulberry32) makes the output byte-identical for the same seed, size and seed files.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** Seed material: headlines and whole paragraphs from the seed files. */
export interface SeedPool {
  headlines: string[];
  paragraphs: string[];
}

/** What generateCorpus wrote. */
export interface SyntheticCorpus {
  dir: string;
  files: number;
  bytes: number;
}

const CITIES = [
  "成都",
  "武汉",
  "西安",
  "长沙",
  "郑州",
  "济南",
  "昆明",
  "贵阳",
  "南宁",
  "兰州",
  "合肥",
  "福州",
];
const HOME = "重庆";
const DISTRICTS = ["沙坪坝", "九龙坡", "渝中", "渝北", "江北", "南岸", "北碚", "巴南", "万州", "涪陵"];
const DISTRICT_PARTS = ["东", "西", "南", "北", "新", "高", "锦", "龙", "青", "金", "天", "临"];
const DISTRICT_ENDS = ["湖", "山", "江", "桥", "城", "泉", "河", "坪"];
const YEAR = /^(19[5-9]\d|20[0-4]\d)$/;
const FIGURE = /\d+(?:\.\d+)?/g;
/** Longer blank-line-separated blocks are split at their line breaks (seed 004 has no blank lines at all). */
const MAX_BLOCK_CHARS = 1500;
/** Paragraphs are added while the text is under this; the overshoot brings the mean to about 5 KB. */
const TARGET_BYTES = 4300;

/** A deterministic PRNG (mulberry32): the same seed gives the same sequence. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Reads the seed files into headlines (short blocks without a sentence end) and paragraphs (PDF breaks joined). */
export function readSeedPool(seedDir: string): SeedPool {
  const headlines: string[] = [];
  const paragraphs: string[] = [];
  for (const file of readdirSync(seedDir)
    .filter((f) => f.endsWith(".txt"))
    .sort()) {
    const text = readFileSync(join(seedDir, file), "utf8").replace(/^\uFEFF/, "");
    let current = "";
    // A block far longer than a paragraph is a web page whose lines are its paragraphs (no blank lines between).
    const blocks = text.split(/\n\s*\n/).flatMap((b) => (b.length > MAX_BLOCK_CHARS ? b.split("\n") : [b]));
    for (const raw of blocks) {
      const block = raw.replace(/\s*\n\s*/g, "").trim();
      if (!block) continue;
      if (!current && block.length <= 40 && !/[。！？]/.test(block)) {
        if (block.length >= 8 && !/[，,□]/.test(block)) headlines.push(block);
        continue;
      }
      current += block;
      if (/[。！？”」]$/.test(current)) {
        if (current.length >= 40) paragraphs.push(current);
        current = "";
      }
    }
  }
  return { headlines, paragraphs };
}

/** Scales every figure by a factor in [0.5, 1.5], keeping its decimal places; four-digit years stay. */
export function perturbFigures(text: string, rand: () => number): string {
  return text.replace(FIGURE, (m) => {
    if (YEAR.test(m)) return m;
    const decimals = m.includes(".") ? (m.split(".")[1]?.length ?? 0) : 0;
    const v = Number(m) * (0.5 + rand());
    const out = v.toFixed(decimals);
    return decimals === 0 && out === "0" ? "1" : out;
  });
}

/** Replaces the home city and its districts with the given city and district names. */
export function varyPlaces(text: string, city: string, districts: string[]): string {
  let out = text.split(HOME).join(city);
  DISTRICTS.forEach((d, i) => {
    out = out.split(d).join(districts[i % districts.length] ?? d);
  });
  return out;
}

function pick<T>(items: T[], rand: () => number): T {
  return items[Math.floor(rand() * items.length)] as T;
}

function madeUpDistricts(rand: () => number): string[] {
  return DISTRICTS.map(() => pick(DISTRICT_PARTS, rand) + pick(DISTRICT_ENDS, rand));
}

/** One synthetic document of about 5 KB (UTF-8): headline, byline, shuffled perturbed paragraphs. */
export function syntheticDocument(pool: SeedPool, index: number, seed: number): string {
  const rand = mulberry32(seed * 1_000_003 + index);
  const city = pick(CITIES, rand);
  const districts = madeUpDistricts(rand);
  const parts = [varyPlaces(pick(pool.headlines, rand), city, districts), `□ ${city}日报记者 ${index}`];
  let bytes = 0;
  while (bytes < TARGET_BYTES) {
    const para = varyPlaces(perturbFigures(pick(pool.paragraphs, rand), rand), city, districts);
    parts.push(para);
    bytes += Buffer.byteLength(para);
  }
  return `${parts.join("\n\n")}\n`;
}

/** Writes `count` synthetic documents (syn-00000.txt …) into `dir`. */
export function generateCorpus(seedDir: string, dir: string, count: number, seed = 7): SyntheticCorpus {
  const pool = readSeedPool(seedDir);
  mkdirSync(dir, { recursive: true });
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const text = syntheticDocument(pool, i, seed);
    bytes += Buffer.byteLength(text);
    writeFileSync(join(dir, `syn-${String(i).padStart(5, "0")}.txt`), text);
  }
  return { dir, files: count, bytes };
}
