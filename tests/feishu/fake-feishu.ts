import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { type WebSocket, WebSocketServer } from "ws";
import { closeSocketServer, listenLocally } from "../fakes/socket-server.js";
import { eventFrame, FRAME } from "./lark-frames.js";

/** One Open Platform call the fake received. */
export interface FeishuCall {
  method: string;
  path: string;
  query: Record<string, string>;
  body: Record<string, unknown>;
}

/** What the fake does with the next message sent: accept it, or refuse it for its rate (429), or fail (500). */
export type SendBehaviour = "ok" | "429" | "frequency" | "chat-limit" | "token" | "500" | "drop";

export const BOT_OPEN_ID = "ou_bot0000000000000000000000000000";
export const APP_ID = "cli_a1b2c3d4e5f60718";

/**
 * A fake Feishu Open Platform on 127.0.0.1: tenant tokens, bot/v3/info, sending and replying to messages, the
 * long connection's endpoint lookup and its WebSocket, which pushes events as the SDK's protobuf frames and
 * collects the SDK's acknowledgements.
 */
export class FakeFeishu {
  readonly calls: FeishuCall[] = [];
  private readonly script: SendBehaviour[] = [];
  private readonly server: Server = createServer((req, res) => void this.handle(req, res));
  private readonly wss = new WebSocketServer({ server: this.server });
  private readonly acks = new Map<string, (payload: unknown) => void>();
  private nextId = 0;
  /** Answers bot/v3/info (and the token) with this Feishu code: 10003 is a wrong app id or secret. */
  refuseCredentials: number | null = null;
  url = "";

  async start(): Promise<this> {
    this.wss.on("connection", (socket: WebSocket) => {
      socket.on("message", (data: Buffer) => this.onFrame(data));
    });
    this.url = `http://127.0.0.1:${await listenLocally(this.server)}`;
    return this;
  }

  async stop(): Promise<void> {
    await closeSocketServer(this.server, this.wss);
  }

  /** The next sends get these behaviours, in order; later ones are accepted. */
  next(...behaviours: SendBehaviour[]): this {
    this.script.push(...behaviours);
    return this;
  }

  /** Messages sent (created or replied), whatever the fake answered, their cards parsed. */
  sent(): Array<FeishuCall & { card: { elements: unknown[] }; text: string }> {
    return this.calls
      .filter((c) => c.method === "POST" && c.path.startsWith("/open-apis/im/v1/messages"))
      .map((c) => {
        const card = JSON.parse(String(c.body.content ?? "{}")) as { elements: unknown[] };
        return { ...c, card, text: JSON.stringify(card) };
      });
  }

  /** Waits until `count` messages were sent. */
  async waitForSent(count: number, ms = 15_000) {
    const end = Date.now() + ms;
    while (this.sent().length < count) {
      if (Date.now() > end)
        throw new Error(`timed out waiting for ${count} sent; got ${JSON.stringify(this.calls)}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    return this.sent();
  }

  /** Whether the SDK has its long connection open. */
  get connected(): boolean {
    return this.wss.clients.size > 0;
  }

  /** Pushes an event over the long connection; resolves to the SDK's acknowledgement ({ code, data? }). */
  push(payload: unknown): Promise<{ code: number; data?: unknown }> {
    const id = `msg-${++this.nextId}`;
    const acked = new Promise<{ code: number; data?: unknown }>((resolve) => {
      this.acks.set(id, (p) => resolve(p as { code: number; data?: unknown }));
    });
    for (const c of this.wss.clients) c.send(eventFrame(id, payload));
    return acked;
  }

  private onFrame(data: Buffer): void {
    const frame = FRAME.decode(new Uint8Array(data));
    const id = frame.headers.find((h) => h.key === "message_id")?.value;
    const ack = id ? this.acks.get(id) : undefined;
    if (!id || !ack || !frame.payload) return;
    this.acks.delete(id);
    const body = JSON.parse(new TextDecoder().decode(frame.payload)) as { code: number; data?: string };
    ack({
      code: body.code,
      data: body.data ? JSON.parse(Buffer.from(body.data, "base64").toString()) : undefined,
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let raw = "";
    for await (const chunk of req) raw += chunk;
    const url = new URL(req.url ?? "/", this.url);
    const call = {
      method: req.method ?? "",
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      body: raw ? (JSON.parse(raw) as Record<string, unknown>) : {},
    };
    this.calls.push(call);
    if (url.pathname === "/open-apis/auth/v3/tenant_access_token/internal") {
      if (this.refuseCredentials)
        return json(res, 400, { code: this.refuseCredentials, msg: "app secret invalid" });
      return json(res, 200, { code: 0, msg: "ok", tenant_access_token: "t-fake-token", expire: 7200 });
    }
    if (url.pathname === "/open-apis/bot/v3/info")
      return json(res, 200, { code: 0, msg: "ok", bot: { open_id: BOT_OPEN_ID, app_name: "政策数字" } });
    if (url.pathname === "/callback/ws/endpoint") return json(res, 200, this.endpoint());
    if (url.pathname.startsWith("/open-apis/im/v1/messages")) return void this.message(res);
    json(res, 404, { code: 404, msg: "not found" });
  }

  private endpoint() {
    const ws = this.url.replace(/^http/, "ws");
    return {
      code: 0,
      data: {
        URL: `${ws}/ws?device_id=fake&service_id=1`,
        ClientConfig: { PingInterval: 120, ReconnectCount: 1, ReconnectInterval: 1, ReconnectNonce: 0 },
      },
    };
  }

  private message(res: ServerResponse): unknown {
    const behaviour = this.script.shift() ?? "ok";
    if (behaviour === "429") {
      res.setHeader("x-ogw-ratelimit-reset", "1");
      return json(res, 429, { code: 99991400, msg: "request trigger frequency limit" });
    }
    if (behaviour === "frequency")
      return json(res, 400, { code: 99991400, msg: "request trigger frequency limit" });
    if (behaviour === "chat-limit")
      return json(res, 400, { code: 230020, msg: "This operation triggers the frequency limit." });
    if (behaviour === "token")
      return json(res, 400, { code: 99991663, msg: "Invalid access token for authorization." });
    if (behaviour === "500") return json(res, 500, { code: 1, msg: "internal error" });
    if (behaviour === "drop") return void res.socket?.destroy();
    json(res, 200, { code: 0, msg: "success", data: { message_id: `om_${++this.nextId}` } });
  }
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}

/** An im.message.receive_v1 event (schema 2.0) as Feishu pushes it. */
export function messageEvent(
  text: string,
  o: {
    chat?: "p2p" | "group";
    /** true: the bot is @mentioned; "other": someone else is. */
    mention?: boolean | "other";
    user?: string;
    type?: string;
    eventId?: string;
  } = {},
) {
  const mentioned =
    o.mention === "other"
      ? { open_id: "ou_someone_else", name: "张三" }
      : { open_id: BOT_OPEN_ID, name: "政策数字" };
  const mentions = o.mention
    ? [{ key: "@_user_1", id: { open_id: mentioned.open_id }, name: mentioned.name, tenant_key: "t1" }]
    : [];
  return {
    schema: "2.0",
    header: {
      event_id: o.eventId ?? `ev-${Math.random().toString(36).slice(2)}`,
      event_type: "im.message.receive_v1",
      create_time: "1700000000000",
      token: "verify-token",
      app_id: APP_ID,
      tenant_key: "t1",
    },
    event: {
      sender: { sender_id: { open_id: o.user ?? "ou_user1" }, sender_type: "user", tenant_key: "t1" },
      message: {
        message_id: `om_q${Math.random().toString(36).slice(2)}`,
        chat_id: o.chat === "group" ? "oc_group1" : "oc_p2p1",
        chat_type: o.chat ?? "p2p",
        message_type: o.type ?? "text",
        content: JSON.stringify({ text }),
        mentions,
      },
    },
  };
}

/** A card.action.trigger callback (schema 2.0) for a button of a card. */
export function cardAction(value: unknown, o: { user?: string; messageId?: string } = {}) {
  return {
    schema: "2.0",
    header: {
      event_id: `ca-${Math.random().toString(36).slice(2)}`,
      event_type: "card.action.trigger",
      create_time: "1700000000000",
      token: "verify-token",
      app_id: APP_ID,
      tenant_key: "t1",
    },
    event: {
      operator: { open_id: o.user ?? "ou_user1", tenant_key: "t1" },
      token: "c-card-token",
      action: { value, tag: "button" },
      context: { open_message_id: o.messageId ?? "om_card1", open_chat_id: "oc_p2p1" },
    },
  };
}
