import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config.js";

const NEW_VARS = [
  "FEISHU_APP_ID",
  "FEISHU_APP_SECRET",
  "FEISHU_API_URL",
  "FEISHU_VERIFY_TOKEN",
  "FEISHU_ENCRYPT_KEY",
  "DINGTALK_CLIENT_ID",
  "DINGTALK_CLIENT_SECRET",
  "DINGTALK_ROBOT_CODE",
  "DINGTALK_API_URL",
  "WECOM_BOT_ID",
  "WECOM_BOT_SECRET",
  "WECOM_WS_URL",
];

describe("configuration of Feishu, DingTalk and WeCom", () => {
  it("documents every variable in README's table and in .env.example", () => {
    const readme = readFileSync("README.md", "utf8");
    const example = readFileSync(".env.example", "utf8");
    for (const v of NEW_VARS) {
      expect(readme).toMatch(new RegExp(`^\\| \`${v}\` +\\|`, "m"));
      expect(example).toMatch(new RegExp(`^${v}=$`, "m"));
    }
  });

  it.each([
    [{ FEISHU_APP_ID: "cli_a1b2c3d4e5f60718" }, "FEISHU_APP_SECRET"],
    [{ FEISHU_APP_ID: "myapp", FEISHU_APP_SECRET: "s" }, "FEISHU_APP_ID"],
    [{ DINGTALK_CLIENT_SECRET: "s" }, "DINGTALK_CLIENT_ID"],
    [{ WECOM_BOT_ID: "b" }, "WECOM_BOT_SECRET"],
    [{ WECOM_WS_URL: "not a url" }, "WECOM_WS_URL"],
    [
      {
        FEISHU_APP_ID: "cli_a1b2c3d4e5f60718",
        FEISHU_APP_SECRET: "s",
        FEISHU_VERIFY_TOKEN: "t",
        SLACK_BOT_TOKEN: "x",
        SLACK_SIGNING_SECRET: "s",
      },
      "FEISHU_VERIFY_TOKEN",
    ],
  ])("%o is refused, naming %s", (env, name) => {
    expect(() => parseConfig(env)).toThrowError(new RegExp(`CONFIG_INVALID.*${name}`, "s"));
  });

  it("reads a working configuration of all three", () => {
    const c = parseConfig({
      FEISHU_APP_ID: "cli_a1b2c3d4e5f60718",
      FEISHU_APP_SECRET: "s",
      DINGTALK_CLIENT_ID: "d",
      DINGTALK_CLIENT_SECRET: "s",
      WECOM_BOT_ID: "w",
      WECOM_BOT_SECRET: "s",
    });
    expect(c).toMatchObject({
      FEISHU_APP_ID: "cli_a1b2c3d4e5f60718",
      DINGTALK_CLIENT_ID: "d",
      WECOM_BOT_ID: "w",
    });
  });
});
