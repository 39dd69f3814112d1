import { type ParseArgsConfig, parseArgs } from "node:util";
import { AppError } from "../../src/mod.js";

/** The flags of one command, as node:util parseArgs takes them. */
export type CommandOptions = NonNullable<ParseArgsConfig["options"]>;

/** What parseArgs made of a command's arguments. */
export interface CommandArgs {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
  /** The arguments as given (a command that parses them itself, such as ingest, reads these). */
  raw: string[];
}

/** One CLI command: how it is called, what it does, its flags, and what runs it (resolving to the exit code). */
export interface Command {
  name: string;
  /** The arguments after the name, as usage shows them: `[--json] [--explain] ["问题"]`. */
  synopsis: string;
  /** What the command does, and what its flags mean; one line each. */
  about: string[];
  options: CommandOptions;
  run(args: CommandArgs): Promise<number>;
}

/** Exit code of a usage mistake (an unknown command or flag, a missing argument: INPUT_INVALID). */
export const EXIT_USAGE = 2;

/** `usage: npm run cli -- ask [--json] …` followed by the command's description, indented. */
export function commandUsage(c: Command): string {
  return [`usage: npm run cli -- ${c.name} ${c.synopsis}`, ...c.about.map((l) => `  ${l}`)].join("\n");
}

/** Every command's usage, then the environment the CLI reads. */
export function fullUsage(commands: readonly Command[], environment: string): string {
  const lines = commands.map(
    (c) => `  ${c.name} ${c.synopsis}\n${c.about.map((l) => `      ${l}`).join("\n")}`,
  );
  return [
    "usage: npm run cli -- <command> [flags] (npm run cli -- <command> --help for one)",
    ...lines,
    environment,
  ].join("\n");
}

/**
 * Parses a command's arguments strictly: an unknown flag or a flag missing its value is an INPUT_INVALID AppError naming it
 * (never part of the question); `--help`/`-h` is every command's. `--` ends the flags, so a question may start
 * with a dash.
 */
export function parseCommandArgs(c: Command, raw: string[]): CommandArgs & { help: boolean } {
  try {
    const { values, positionals } = parseArgs({
      args: raw,
      options: { ...c.options, help: { type: "boolean", short: "h" } },
      allowPositionals: true,
      strict: true,
    });
    const { help, ...rest } = values as Record<string, string | boolean | undefined>;
    return { values: rest, positionals, raw, help: help === true };
  } catch (e) {
    throw new AppError("INPUT_INVALID", usageMessage(e as Error & { code?: string }));
  }
}

/** parseArgs's complaint in the CLI's words: `unknown option "--explian"`. */
function usageMessage(e: Error & { code?: string }): string {
  const flag = /'([^']+)'/.exec(e.message)?.[1];
  if (e.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" && flag) return `unknown option "${flag}"`;
  return e.message.split(". ")[0] ?? e.message;
}
