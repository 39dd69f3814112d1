import { readFileSync } from "node:fs";
import { parseEnv } from "node:util";
import { AppError } from "../src/mod.js";

/**
 * Reads `.env` of the working directory into the environment, when there is one; variables already set
 * win. Every entry point (`npm start`, the CLI, the benchmarks) calls it first, so they all see one
 * configuration.
 */
export function loadEnv(path = ".env", env: Record<string, string | undefined> = process.env): void {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return;
    throw new AppError(
      "CONFIG_INVALID",
      `${path} cannot be read (${code}) — fix its permissions or remove it`,
    );
  }
  for (const [name, value] of Object.entries(parseEnv(text))) if (env[name] === undefined) env[name] = value;
}
