import { describe, expect, it } from "vitest";
import { converse, converseInTurn } from "../../src/conversation/converse.js";
import { RateLimiter } from "../../src/conversation/rate-limiter.js";
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
      ask: async (q: string) => ({
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
    expect(await queued).toEqual(await converse({ engine, limiter: null }, "u", "新增学位多少"));
    expect((await converseInTurn({ engine, limiter: null }, "u", "/help")).kind).toBe("command");
  });
});

const noAnswer = {
  kind: "no-answer" as const,
  question: "新增学位多少",
  reason: { code: "no-indicator" as const },
  suggestions: [],
  examples: [],
};

describe("converseInTurn checks the limits before queueing (a flood is neither queued nor answered each time)", () => {
  const engine = {
    ask: () => {
      throw new Error("a refused message must not reach the engine");
    },
    check: () => {
      throw new Error("a refused message must not reach the engine");
    },
  };

  it("queues nothing for a user over the rate limit, says it once a window, then again in the next", async () => {
    let now = 0;
    const limiter = new RateLimiter(1, () => now);
    limiter.take("u"); // the one question this minute
    const { queue } = manualQueue();
    const c = { engine, limiter, queue };
    const outcomes = await Promise.all(
      Array.from({ length: 50 }, () => converseInTurn(c, "u", "新增学位多少")),
    );
    expect(queue.size).toBe(0);
    expect(outcomes.map((o) => o.kind === "refused" && (o.repeated ?? false))).toEqual([
      false,
      ...Array(49).fill(true),
    ]);
    now += 60_000;
    limiter.take("u");
    const next = await converseInTurn(c, "u", "新增学位多少");
    expect(next).toMatchObject({ kind: "refused", refusal: { code: "rate-limited" } });
    expect(next.kind === "refused" && next.repeated).toBeFalsy();
  });

  it("says the refusal again after the user was answered in between (once a run of refusals, not once a minute)", async () => {
    let now = 0;
    const limiter = new RateLimiter(2, () => now);
    const check = () => {
      throw new Error("no claim is asked here");
    };
    const c = { engine: { ask: async () => noAnswer, check }, limiter };
    const repeated = async (at: number) => {
      now = at;
      const o = await converseInTurn(c, "u", "新增学位多少");
      return o.kind === "refused" ? (o.repeated ?? false) : "answered";
    };
    const seen = [];
    for (const at of [0, 50_000, 55_000, 56_000, 61_000, 62_000, 63_000]) seen.push(await repeated(at));
    expect(seen).toEqual(["answered", "answered", false, true, "answered", false, true]);
  });

  it("queues nothing for a claim over the input limits, and says so every time (the user can fix it)", async () => {
    const { queue } = manualQueue();
    const c = { engine, limiter: null, queue };
    for (let i = 0; i < 3; i++) {
      const o = await converseInTurn(c, "u", `核实 ${"1%".repeat(30)}`);
      expect(o).toMatchObject({ kind: "refused", refusal: { code: "too-many-figures" } });
      expect(o.kind === "refused" && o.repeated).toBeFalsy();
    }
    expect(queue.size).toBe(0);
  });
});
