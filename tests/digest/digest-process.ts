/**
 * A bot process that only runs the digests, for the kill -9 test: DATA_DIR, the fake Telegram API root and a
 * fixed instant come from the environment. Prints "ready" once the digests have started.
 */
import { startDigests } from "../../adapters/digest-runner.js";
import { createBot } from "../../adapters/telegram/bot.js";
import { telegramDigestSender } from "../../adapters/telegram/digest-sender.js";
import { createEngine } from "../../src/engine.js";
import { openStore } from "../../src/store/open-store.js";

const store = await openStore(process.env.DATA_DIR ?? "");
const engine = await createEngine({ corpusDir: "seeds" });
const now = new Date(process.env.NOW ?? "");
const api = createBot(engine, { token: "1:T", apiRoot: process.env.API_ROOT, store }).api;
startDigests({ engine, store, senders: { telegram: telegramDigestSender(api) }, clock: () => now });
process.stdout.write("ready\n");
