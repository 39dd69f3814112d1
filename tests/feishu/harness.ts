import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type FeishuHandle, startFeishu } from "../../adapters/feishu/start.js";
import { parseConfig } from "../../src/config.js";
import type { Engine } from "../../src/engine.js";
import { openStore, type Store } from "../../src/store/open-store.js";
import { capturedLog } from "../digest/helpers.js";
import { APP_ID, FakeFeishu } from "./fake-feishu.js";

/** The Feishu adapter started as `npm start` starts it (parsed configuration), against a fake Feishu. */
export interface FeishuHarness {
  fake: FakeFeishu;
  handle: FeishuHandle;
  store: Store;
  dataDir: string;
  logText: () => string;
  stop(): Promise<void>;
}

/** Starts a fake Feishu and the adapter on it; `env` adds or overrides configuration variables. */
export async function startFeishuHarness(
  engine: Engine,
  env: Record<string, string> = {},
  fake?: FakeFeishu,
): Promise<FeishuHarness> {
  const f = fake ?? (await new FakeFeishu().start());
  const dataDir = mkdtempSync(join(tmpdir(), "feishu-test-"));
  const store = await openStore(dataDir);
  const config = parseConfig({
    FEISHU_APP_ID: APP_ID,
    FEISHU_APP_SECRET: "app-secret-value",
    FEISHU_API_URL: f.url,
    DATA_DIR: dataDir,
    STARTUP_TIMEOUT_SECONDS: "10",
    ...env,
  });
  const { log, text } = capturedLog("info");
  const handle = await startFeishu(engine, config, store, { log });
  return {
    fake: f,
    handle,
    store,
    dataDir,
    logText: text,
    stop: async () => {
      await handle.stop();
      if (!fake) await f.stop();
      await store.close();
    },
  };
}

/** Waits a little so that an unwanted message would have had time to arrive. */
export const settle = (ms = 400) => new Promise((r) => setTimeout(r, ms));
