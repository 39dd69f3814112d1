import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { scheduleSnapshots } from "../../adapters/snapshot-schedule.js";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function fakeEngine(warnings: string[] = []) {
  return { flushSnapshot: vi.fn(() => warnings) };
}

describe("scheduleSnapshots", () => {
  it("writes once, a delay after the last of a burst of changes", () => {
    const engine = fakeEngine();
    const s = scheduleSnapshots(engine, () => {}, 1000);
    s.changed();
    vi.advanceTimersByTime(600);
    s.changed();
    vi.advanceTimersByTime(600);
    expect(engine.flushSnapshot).not.toHaveBeenCalled();
    vi.advanceTimersByTime(400);
    expect(engine.flushSnapshot).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(5000);
    expect(engine.flushSnapshot).toHaveBeenCalledTimes(1);
  });

  it("flush writes now and cancels the wait; its warnings are logged", () => {
    const engine = fakeEngine(["index snapshot not written to /x: EACCES"]);
    const log: string[] = [];
    const s = scheduleSnapshots(engine, (line) => log.push(line), 1000);
    s.changed();
    s.flush();
    expect(engine.flushSnapshot).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(2000);
    expect(engine.flushSnapshot).toHaveBeenCalledTimes(1);
    expect(log).toEqual(["warning: index snapshot not written to /x: EACCES"]);
  });
});
