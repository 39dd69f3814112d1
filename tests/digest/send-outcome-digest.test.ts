import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { webApi } from "@slack/bolt";
import { Api } from "grammy";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { slackSendOutcome } from "../../adapters/slack/digest-outcome.js";
import { telegramSendOutcome } from "../../adapters/telegram/digest-outcome.js";

/** A port nothing listens on (any more): the connection is refused before any request is sent. */
let CLOSED = "";
let silent: Server;
let silentUrl = "";

beforeAll(async () => {
  const gone = createServer();
  await new Promise<void>((r) => gone.listen(0, "127.0.0.1", r));
  CLOSED = `http://127.0.0.1:${(gone.address() as AddressInfo).port}`;
  await new Promise((r) => gone.close(r));
  // Reads the request, never answers: a timeout whose request did arrive.
  silent = createServer((req) => req.resume());
  await new Promise<void>((r) => silent.listen(0, "127.0.0.1", r));
  silentUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
});
afterAll(async () => {
  silent.closeAllConnections();
  await new Promise((r) => silent.close(r));
});

async function telegramError(apiRoot: string, timeoutSeconds = 5): Promise<unknown> {
  return new Api("1:T", { apiRoot, timeoutSeconds }).sendMessage(1, "x").catch((e: unknown) => e);
}

async function slackError(slackApiUrl: string, timeout = 5000): Promise<unknown> {
  const client = new webApi.WebClient("xoxb-t", {
    slackApiUrl: `${slackApiUrl}/api/`,
    retryConfig: { retries: 0 },
    timeout,
  });
  return client.chat.postMessage({ channel: "C1", text: "x" }).catch((e: unknown) => e);
}

describe("what a failed digest send means", () => {
  it("a refused connection proves nothing was sent: retried (grammY and the Slack Web API client)", async () => {
    expect(telegramSendOutcome(await telegramError(CLOSED))).toMatchObject({
      kind: "retry",
      reason: "ECONNREFUSED",
    });
    expect(slackSendOutcome(await slackError(CLOSED))).toMatchObject({
      kind: "retry",
      reason: "ECONNREFUSED",
    });
  });

  it("a timeout after the request went out may have delivered it: unknown", async () => {
    expect(telegramSendOutcome(await telegramError(silentUrl, 1))).toMatchObject({ kind: "unknown" });
    expect(slackSendOutcome(await slackError(silentUrl, 500))).toMatchObject({ kind: "unknown" });
  });
});
