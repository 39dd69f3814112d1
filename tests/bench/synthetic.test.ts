import { describe, expect, it } from "vitest";
import {
  mulberry32,
  perturbFigures,
  readSeedPool,
  syntheticDocument,
  varyPlaces,
} from "../../bench/synthetic.js";

describe("synthetic bench corpus", () => {
  const pool = readSeedPool("seeds");

  it("is deterministic for a seed and index", () => {
    expect(syntheticDocument(pool, 3, 7)).toBe(syntheticDocument(pool, 3, 7));
    expect(syntheticDocument(pool, 3, 7)).not.toBe(syntheticDocument(pool, 4, 7));
  });

  it("takes paragraphs, not whole pages, from the seeds", () => {
    expect(pool.paragraphs.length).toBeGreaterThan(150);
    expect(Math.max(...pool.paragraphs.map((p) => p.length))).toBeLessThan(1500);
  });

  it("makes documents of about 5 KB", () => {
    const sizes = Array.from({ length: 50 }, (_, i) => Buffer.byteLength(syntheticDocument(pool, i, 7)));
    const mean = sizes.reduce((a, b) => a + b, 0) / sizes.length;
    expect(mean).toBeGreaterThan(4000);
    expect(mean).toBeLessThan(6500);
  });

  it("perturbs figures but keeps years", () => {
    const out = perturbFigures("2024年新增学位27.8万个", mulberry32(1));
    expect(out.startsWith("2024年")).toBe(true);
    expect(out).toMatch(/^2024年新增学位\d+\.\d万个$/);
  });

  it("varies the home city and its districts", () => {
    expect(varyPlaces("重庆沙坪坝区", "成都", ["锦江"])).toBe("成都锦江区");
  });
});
