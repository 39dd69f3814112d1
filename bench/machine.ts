import { readFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";

/** The machine the numbers were taken on. */
export interface Machine {
  cpu: string;
  cores: number;
  ramGb: number;
  node: string;
  platform: string;
}

/** The packages the bench compares, as installed. */
export const BENCH_PACKAGES = [
  "minisearch",
  "nodejieba",
  "flexsearch",
  "lunr",
  "lunr-languages",
  "@orama/orama",
  "@orama/tokenizers",
  "opencc-js",
  "tsx",
];

/** CPU model, core count, RAM, node version. */
export function describeMachine(): Machine {
  const cpu = cpus();
  return {
    cpu: cpu[0]?.model.trim() ?? "unknown",
    cores: cpu.length,
    ramGb: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
  };
}

/** The installed version of each package (read from node_modules), "missing" when absent. */
export function packageVersions(names: string[] = BENCH_PACKAGES): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of names) {
    try {
      const pkg = JSON.parse(readFileSync(`node_modules/${name}/package.json`, "utf8")) as {
        version: string;
      };
      out[name] = pkg.version;
    } catch {
      out[name] = "missing";
    }
  }
  return out;
}
