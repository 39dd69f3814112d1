import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Update, UserFromGetMe } from "grammy/types";

/** One Bot API call the fake server received. */
export interface ApiCall {
  method: string;
  payload: Record<string, unknown>;
}

/** The bot user the fake server reports for getMe. */
export const BOT_INFO: UserFromGetMe = {
  id: 4242,
  is_bot: true,
  first_name: "政策数字",
  username: "policy_facts_bot",
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: true,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
  can_manage_bots: false,
} as UserFromGetMe;

interface Canned {
  status: number;
  body: unknown;
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const raw = Buffer.concat(chunks).toString("utf8");
  return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
}

/** A fake Telegram Bot API on 127.0.0.1 that records every call; point `client.apiRoot` at `url`. */
export class FakeBotApi {
  readonly calls: ApiCall[] = [];
  private readonly failures = new Map<string, Canned[]>();
  private updates: Update[] = [];
  private server: Server | null = null;
  private nextMessageId = 1000;
  url = "";

  /** Starts listening on a free port. */
  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((e: Error) => res.writeHead(500).end(e.message));
    });
    await new Promise<void>((resolve) => this.server?.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /** Stops the server, dropping held long-poll connections. */
  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  /** The next call of `method` gets this HTTP status and body instead of success. */
  failNext(method: string, status: number, body: unknown): void {
    this.failures.set(method, [...(this.failures.get(method) ?? []), { status, body }]);
  }

  /** Queues an update for getUpdates. */
  pushUpdate(update: Update): void {
    this.updates.push(update);
  }

  /** Forgets recorded calls (between tests). */
  reset(): void {
    this.calls.length = 0;
    this.failures.clear();
  }

  /** The recorded calls of one method. */
  callsOf(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Waits until `count` calls of `method` were recorded. */
  async waitFor(method: string, count = 1, timeoutMs = 10_000): Promise<ApiCall[]> {
    const until = Date.now() + timeoutMs;
    while (this.callsOf(method).length < count) {
      if (Date.now() > until) throw new Error(`timed out waiting for ${count} ${method} call(s)`);
      await new Promise((r) => setTimeout(r, 20));
    }
    return this.callsOf(method);
  }

  /**
   * Holds the answers to `method` until the returned release() is called; release() resolves with whether the
   * caller was still connected to receive each held answer (false: the bot exited before its reply was done).
   */
  hold(method: string): () => Promise<boolean[]> {
    const gate = { open: false, waiting: [] as Array<() => void>, delivered: [] as Promise<boolean>[] };
    this.gates.set(method, gate);
    return async () => {
      gate.open = true;
      this.gates.delete(method);
      for (const wake of gate.waiting.splice(0)) wake();
      await new Promise((resolve) => setImmediate(resolve)); // the woken handlers record their connection first
      return Promise.all(gate.delivered);
    };
  }

  private readonly gates = new Map<
    string,
    { open: boolean; waiting: Array<() => void>; delivered: Promise<boolean>[] }
  >();

  /** Waits at a hold on `method`, if there is one; records whether the answer then reached a live connection. */
  private async passGate(method: string, res: ServerResponse): Promise<void> {
    const gate = this.gates.get(method);
    if (!gate || gate.open) return;
    await new Promise<void>((resolve) => gate.waiting.push(resolve));
    const live = !res.socket?.destroyed;
    gate.delivered.push(
      live
        ? new Promise((resolve) =>
            res.once("finish", () => resolve(true)).once("close", () => resolve(res.writableFinished)),
          )
        : Promise.resolve(false),
    );
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = (req.url ?? "").split("/").pop() ?? "";
    const payload = await readJson(req);
    this.calls.push({ method, payload });
    await this.passGate(method, res);
    const failure = this.failures.get(method)?.shift();
    if (failure) {
      res.writeHead(failure.status, { "content-type": "application/json" }).end(JSON.stringify(failure.body));
      return;
    }
    const result = await this.result(method, payload);
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ ok: true, result }));
  }

  private async result(method: string, payload: Record<string, unknown>): Promise<unknown> {
    if (method === "getMe") return BOT_INFO;
    if (method === "getUpdates") return this.takeUpdates(Number(payload.offset ?? 0));
    if (method === "sendMessage" || method === "editMessageText") {
      const id = method === "sendMessage" ? ++this.nextMessageId : Number(payload.message_id);
      const chat = { id: Number(payload.chat_id), type: Number(payload.chat_id) < 0 ? "group" : "private" };
      return { message_id: id, date: 1_700_000_000, chat, from: BOT_INFO, text: payload.text };
    }
    return true;
  }

  /** Pending updates from `offset`, or after a short hold an empty list (a long poll that times out quickly). */
  private async takeUpdates(offset: number): Promise<Update[]> {
    this.updates = this.updates.filter((u) => u.update_id >= offset);
    if (this.updates.length === 0) await new Promise((r) => setTimeout(r, 50));
    return this.updates.filter((u) => u.update_id >= offset);
  }
}
