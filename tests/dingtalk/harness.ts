import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type DingTalkHandle, startDingTalk } from "../../adapters/dingtalk/start.js";
import { parseConfig } from "../../src/config.js";
import type { Engine } from "../../src/engine.js";
import { openStore, type Store } from "../../src/store/open-store.js";
import { capturedLog } from "../digest/helpers.js";
import { CLIENT_ID, CLIENT_SECRET, FakeDingTalk } from "./fake-dingtalk.js";

/** The DingTalk adapter started from a parsed configuration against a fake DingTalk. */
export interface DingTalkHarness {
  fake: FakeDingTalk;
  handle: DingTalkHandle;
  store: Store;
  dataDir: string;
  logText: () => string;
  stop(): Promise<void>;
}

export async function startDingTalkHarness(
  engine: Engine,
  env: Record<string, string> = {},
  fake?: FakeDingTalk,
): Promise<DingTalkHarness> {
  const f = fake ?? (await new FakeDingTalk().start());
  const dataDir = mkdtempSync(join(tmpdir(), "dingtalk-test-"));
  const store = await openStore(dataDir);
  const config = parseConfig({
    DINGTALK_CLIENT_ID: CLIENT_ID,
    DINGTALK_CLIENT_SECRET: CLIENT_SECRET,
    DINGTALK_API_URL: f.url,
    DATA_DIR: dataDir,
    STARTUP_TIMEOUT_SECONDS: "10",
    ...env,
  });
  const { log, text } = capturedLog("info");
  const handle = await startDingTalk(engine, config, store, { log });
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

export const settle = (ms = 400) => new Promise((r) => setTimeout(r, ms));
