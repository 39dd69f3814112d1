import { describe, expect, it } from "vitest";
import { type Command, commandUsage, parseCommandArgs } from "../../adapters/cli/commands.js";

const ask: Command = {
  name: "ask",
  synopsis: '[--json] [--explain] ["问题"]',
  about: ["answer a question"],
  options: { json: { type: "boolean" }, explain: { type: "boolean" } },
  run: async () => 0,
};
const digest: Command = {
  name: "digest",
  synopsis: "--preview [--since YYYY-MM-DD]",
  about: ["print a digest"],
  options: { preview: { type: "boolean" }, since: { type: "string" } },
  run: async () => 0,
};

describe("parseCommandArgs: flags are flags, never part of the question", () => {
  it.each([
    { args: ["--json", "新增学位多少"], values: { json: true }, positionals: ["新增学位多少"] },
    { args: ["新增", "学位", "--explain"], values: { explain: true }, positionals: ["新增", "学位"] },
    { args: ["--", "-5%是多少"], values: {}, positionals: ["-5%是多少"] },
    {
      args: ["--preview", "--since", "2026-01-02", "教育"],
      values: { preview: true, since: "2026-01-02" },
      positionals: ["教育"],
      command: digest,
    },
  ])("$args", ({ args, values, positionals, command }) => {
    const parsed = parseCommandArgs(command ?? ask, args);
    expect(parsed.values).toEqual(values);
    expect(parsed.positionals).toEqual(positionals);
    expect(parsed.help).toBe(false);
  });

  it.each([
    { args: ["--explian", "新增学位多少"], error: 'unknown option "--explian"' },
    { args: ["-x"], error: 'unknown option "-x"' },
    { args: ["--json=yes"], error: "--json" },
  ])("refuses $args as a usage mistake", ({ args, error }) => {
    expect(() => parseCommandArgs(ask, args)).toThrow(error);
    expect(() => parseCommandArgs(ask, args)).toThrow(/^INPUT_INVALID/);
  });

  it("says which flag lacks its value", () => {
    expect(() => parseCommandArgs(digest, ["--preview", "--since"])).toThrow("--since");
  });

  it.each([["--help"], ["-h"], ["新增学位多少", "--help"]])("%s asks for the command's help", (...args) => {
    expect(parseCommandArgs(ask, args).help).toBe(true);
  });

  it("usage names the command, its flags and what it does", () => {
    expect(commandUsage(digest)).toBe(
      "usage: npm run cli -- digest --preview [--since YYYY-MM-DD]\n  print a digest",
    );
  });
});
