import { describe, expect, it } from "vitest";
import { Health } from "../../adapters/health.js";
import { InFlight } from "../../adapters/in-flight.js";
import { planShutdown } from "../../adapters/shutdown.js";
import { capturedLog } from "../digest/helpers.js";

describe("the shutdown's close steps", () => {
  it("a step that does not close within the bound is said, and the later steps still run, in order", async () => {
    const logs = capturedLog("info");
    const ran: string[] = [];
    const shutdown = planShutdown({
      health: new Health(),
      log: logs.log,
      inFlight: new InFlight(),
      timeoutMs: 50,
      intake: [],
      close: [
        { name: "passage index connections", run: () => new Promise<void>(() => ran.push("engine")) },
        { name: "store", run: () => void ran.push("store") },
      ],
    });
    await shutdown("SIGTERM");
    expect(ran).toEqual(["engine", "store"]);
    expect(logs.text()).toContain("passage index connections did not close within 50 ms; going on");
  });
});
