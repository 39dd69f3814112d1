import { describe, expect, it } from "vitest";
import { changesSubscription, parseDigestCommand } from "../../src/digest/parse-command.js";

describe("parseDigestCommand", () => {
  it("reads on with a time, topics, a time zone and the empty flag", () => {
    expect(parseDigestCommand("on 8:30 学位、教师 Europe/London empty")).toEqual({
      kind: "on",
      time: "08:30",
      timeZone: "Europe/London",
      topics: ["学位", "教师"],
      wantEmpty: true,
    });
    expect(parseDigestCommand("on")).toMatchObject({ time: "09:00", timeZone: null, topics: [] });
  });

  it("answers a malformed time or zone with what to write", () => {
    for (const bad of ["on 25:00", "on 8点", "on 0830", "on 9:5"])
      expect(parseDigestCommand(bad)).toEqual({ kind: "invalid", problem: { code: "bad-time" } });
    expect(parseDigestCommand("on Mars/Olympus")).toMatchObject({
      kind: "invalid",
      problem: { code: "unknown-zone", zone: "Mars/Olympus" },
    });
  });

  it("reads off, status, now and help; only on and off change the subscription", () => {
    expect(parseDigestCommand("OFF")).toEqual({ kind: "off" });
    expect(parseDigestCommand("status")).toEqual({ kind: "status" });
    expect(parseDigestCommand("now 学位")).toEqual({ kind: "now", topics: ["学位"] });
    expect(parseDigestCommand("")).toEqual({ kind: "help" });
    expect(parseDigestCommand("later").kind).toBe("invalid");
    expect(changesSubscription(parseDigestCommand("on"))).toBe(true);
    expect(changesSubscription(parseDigestCommand("now"))).toBe(false);
  });

  it("limits topics", () => {
    expect(parseDigestCommand(`on ${"话题".repeat(11)}`).kind).toBe("invalid");
    expect(parseDigestCommand(`on ${Array.from({ length: 11 }, (_, i) => `t${i}`).join(" ")}`).kind).toBe(
      "invalid",
    );
  });
});
