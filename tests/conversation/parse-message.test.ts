import { describe, expect, it } from "vitest";
import { type ParsedMessage, parseMessage } from "../../src/conversation/parse-message.js";

const CLAIM = "全市新增学位28万个";

describe("parseMessage", () => {
  it.each<[string, ParsedMessage]>([
    // questions
    ["新增学位多少", { kind: "ask", text: "新增学位多少" }],
    ["  高等教育毛入学率 \n", { kind: "ask", text: "高等教育毛入学率" }],
    ["新增学位/年多少", { kind: "ask", text: "新增学位/年多少" }],
    ["问一下：核实这个说法", { kind: "ask", text: "问一下：核实这个说法" }],
    ["/ask 新增学位多少", { kind: "ask", text: "新增学位多少" }],
    ["/ask@policy_facts_bot 新增学位多少", { kind: "ask", text: "新增学位多少" }],
    ["/ASK：新增学位多少", { kind: "ask", text: "新增学位多少" }],
    ["/ask", { kind: "ask", text: "" }],
    // claims: 核实/核查/查证, with or without ：and 一下
    [`核实：${CLAIM}`, { kind: "check", text: CLAIM }],
    [`核实 ${CLAIM}`, { kind: "check", text: CLAIM }],
    [`核实${CLAIM}`, { kind: "check", text: CLAIM }],
    [`核查一下：${CLAIM}`, { kind: "check", text: CLAIM }],
    [`核实一下 ${CLAIM}`, { kind: "check", text: CLAIM }],
    [`查证，${CLAIM}`, { kind: "check", text: CLAIM }],
    [`查证、${CLAIM}`, { kind: "check", text: CLAIM }],
    ["核实", { kind: "check", text: "" }],
    ["核实：", { kind: "check", text: "" }],
    // claims: /check and /check@bot
    [`/check ${CLAIM}`, { kind: "check", text: CLAIM }],
    [`/check@policy_facts_bot ${CLAIM}`, { kind: "check", text: CLAIM }],
    [`/CHECK：${CLAIM}`, { kind: "check", text: CLAIM }],
    ["/check", { kind: "check", text: "" }],
    // commands: name lower-cased, without @bot; the rest is its arguments
    ["/help", { kind: "command", name: "help", args: "" }],
    ["/help@policy_facts_bot", { kind: "command", name: "help", args: "" }],
    ["/Sources", { kind: "command", name: "sources", args: "" }],
    ["/digest on 08:30 学位", { kind: "command", name: "digest", args: "on 08:30 学位" }],
    ["/digest@policy_facts_bot status", { kind: "command", name: "digest", args: "status" }],
    ["/checkout now", { kind: "command", name: "checkout", args: "now" }],
    ["/quit", { kind: "command", name: "quit", args: "" }],
    ["/新增学位", { kind: "command", name: "新增学位", args: "" }],
    // mentions a platform leaves (a slash command carries a plain @name): not part of the text (issue 14, #9)
    ["@alice 新增学位多少", { kind: "ask", text: "新增学位多少" }],
    ["<!channel> <@U999> 新增学位多少", { kind: "ask", text: "新增学位多少" }],
    ["<@U999|bob> ＠所有人 新增学位多少", { kind: "ask", text: "新增学位多少" }],
    [`@alice 核实 ${CLAIM}`, { kind: "check", text: CLAIM }],
    [`<!here> /check ${CLAIM}`, { kind: "check", text: CLAIM }],
    ["<@UBOT> /help", { kind: "command", name: "help", args: "" }],
    ["新增学位多少 @alice", { kind: "ask", text: "新增学位多少" }],
    // …but not an address inside a word, nor the bot named after a command
    ["写信到 a@b.org 新增学位多少", { kind: "ask", text: "写信到 a@b.org 新增学位多少" }],
    ["/<!channel>", { kind: "command", name: "<!channel>", args: "" }],
    ["@alice", { kind: "empty" }],
    // nothing
    ["", { kind: "empty" }],
    ["   ", { kind: "empty" }],
    ["\n\t \u3000", { kind: "empty" }],
  ])("%j", (text, expected) => {
    expect(parseMessage(text)).toEqual(expected);
  });
});
