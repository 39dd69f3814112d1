import { describe, expect, it } from "vitest";
import { converse, converseInTurn } from "../../src/conversation/converse.js";
import { WorkQueue } from "../../src/conversation/work-queue.js";

/** A queue whose turns the test runs one at a time. */
function manualQueue() {
  const turns: Array<() => void> = [];
  const queue = new WorkQueue((run) => turns.push(run));
  const turn = () => {
    const next = turns.shift();
    if (!next) throw new Error("no turn scheduled");
    next();
  };
  return { queue, turn, pending: () => turns.length };
}

describe("WorkQueue (issue 14, finding 1: heavy work must not starve other users)", () => {
  it("runs one job a turn, nothing before the first turn", async () => {
    const { queue, turn, pending } = manualQueue();
    const ran: string[] = [];
    const done = [queue.run("a", () => ran.push("a1")), queue.run("a", () => ran.push("a2"))];
    expect(ran).toEqual([]);
    expect(pending()).toBe(1);
    turn();
    expect(ran).toEqual(["a1"]);
    expect(queue.size).toBe(1);
    turn();
    expect(ran).toEqual(["a1", "a2"]);
    expect(pending()).toBe(0);
    expect(await Promise.all(done)).toEqual([1, 2]);
  });

  it("lets users take turns: a bystander waits for one job of each user ahead, not their whole backlog", () => {
    const { queue, turn, pending } = manualQueue();
    const ran: string[] = [];
    for (const user of ["a", "b", "c"])
      for (let i = 1; i <= 10; i++) void queue.run(user, () => ran.push(`${user}${i}`));
    void queue.run("bystander", () => ran.push("bystander"));
    while (pending() > 0) turn();
    expect(ran).toHaveLength(31);
    expect(ran.indexOf("bystander")).toBe(3);
    expect(ran.slice(0, 7)).toEqual(["a1", "b1", "c1", "bystander", "a2", "b2", "c2"]);
    // Each user's own jobs stay in order.
    expect(ran.filter((r) => r.startsWith("a"))).toEqual(Array.from({ length: 10 }, (_, i) => `a${i + 1}`));
  });

  it("rejects a job's promise with what it throws, and goes on with the next", async () => {
    const { queue, turn } = manualQueue();
    const failing = queue.run("a", () => {
      throw new Error("boom");
    });
    const next = queue.run("a", () => "fine");
    turn();
    await expect(failing).rejects.toThrow("boom");
    turn();
    await expect(next).resolves.toBe("fine");
  });

  it("by default yields to the event loop between jobs (setImmediate)", async () => {
    const queue = new WorkQueue();
    const order: string[] = [];
    const first = queue.run("a", () => {
      order.push("job1");
      setImmediate(() => order.push("io"));
    });
    const second = queue.run("a", () => order.push("job2"));
    await Promise.all([first, second]);
    expect(order).toEqual(["job1", "io", "job2"]);
  });

  it("converseInTurn answers in the user's turn, and at once without a queue", async () => {
    const engine = {
      ask: (q: string) => ({
        kind: "no-answer" as const,
        question: q,
        reason: { code: "no-indicator" as const },
        suggestions: [],
        examples: [],
      }),
      check: () => {
        throw new Error("not asked");
      },
    };
    const { queue, turn } = manualQueue();
    const queued = converseInTurn({ engine, limiter: null, queue }, "u", "新增学位多少");
    turn();
    expect(await queued).toEqual(converse({ engine, limiter: null }, "u", "新增学位多少"));
    expect((await converseInTurn({ engine, limiter: null }, "u", "/help")).kind).toBe("command");
  });
});
