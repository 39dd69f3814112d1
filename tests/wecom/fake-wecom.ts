import { createServer, type Server } from "node:http";
import { type WebSocket, WebSocketServer } from "ws";
import { closeSocketServer, listenLocally } from "../fakes/socket-server.js";

/** A frame the robot sent (its authentication, pings, replies). */
export interface WeComFrame {
  cmd?: string;
  headers: { req_id: string };
  body?: Record<string, unknown>;
}

export const BOT_ID = "aibfakebot0001";
export const BOT_SECRET = "fake-bot-secret";

/**
 * A fake WeCom intelligent-robot long connection on 127.0.0.1, speaking the SDK's JSON frames: it checks the
 * authentication frame (Bot ID and Secret), answers pings, pushes message callbacks and acknowledges replies
 * (or refuses the next ones with a code, e.g. 45009 for the frequency limit).
 */
export class FakeWeCom {
  readonly frames: WeComFrame[] = [];
  private readonly refusals: number[] = [];
  private readonly server: Server = createServer((_req, res) => res.writeHead(404).end());
  private readonly wss = new WebSocketServer({ server: this.server });
  private seq = 0;
  private authRefused = false;
  url = "";

  async start(): Promise<this> {
    this.wss.on("connection", (socket: WebSocket) => {
      socket.on("message", (data: Buffer) => this.onFrame(socket, JSON.parse(data.toString()) as WeComFrame));
    });
    this.url = `ws://127.0.0.1:${await listenLocally(this.server)}`;
    return this;
  }

  async stop(): Promise<void> {
    await closeSocketServer(this.server, this.wss);
  }

  /** Tells every connected robot that a newer connection took the bot over (disconnected_event), then closes. */
  replaceConnection(): void {
    const frame = {
      cmd: "aibot_event_callback",
      headers: { req_id: `event-${++this.seq}` },
      body: {
        msgid: `ev${this.seq}`,
        aibotid: BOT_ID,
        msgtype: "event",
        event: { eventtype: "disconnected_event" },
      },
    };
    for (const c of this.wss.clients) c.send(JSON.stringify(frame));
  }

  /** From now on refuses every authentication (a Secret reset), and drops the open connections. */
  refuseAuthAndDrop(): void {
    this.authRefused = true;
    this.dropAll();
  }

  /** Ends every open connection, as a network failure does. */
  dropAll(): void {
    for (const c of this.wss.clients) c.terminate();
  }

  /** The next replies are refused with these errcodes, in order. */
  refuseNext(...codes: number[]): this {
    this.refusals.push(...codes);
    return this;
  }

  /** Replies (aibot_respond_msg) received, accepted or not, with their markdown content. */
  replies(): Array<WeComFrame & { content: string }> {
    return this.frames
      .filter((f) => f.cmd === "aibot_respond_msg")
      .map((f) => ({ ...f, content: String((f.body?.stream as { content?: string })?.content ?? "") }));
  }

  async waitForReplies(count: number, ms = 15_000) {
    const end = Date.now() + ms;
    while (this.replies().length < count) {
      if (Date.now() > end)
        throw new Error(`timed out waiting for ${count} replies; got ${JSON.stringify(this.frames)}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    return this.replies();
  }

  /** Pushes a message callback to every connected robot; returns its req_id. */
  push(body: Record<string, unknown>): string {
    const reqId = `callback-${++this.seq}`;
    const frame = { cmd: "aibot_msg_callback", headers: { req_id: reqId }, body };
    for (const c of this.wss.clients) c.send(JSON.stringify(frame));
    return reqId;
  }

  private onFrame(socket: WebSocket, f: WeComFrame): void {
    this.frames.push(f);
    const answer = (errcode: number, errmsg = "ok") =>
      socket.send(JSON.stringify({ headers: { req_id: f.headers.req_id }, errcode, errmsg }));
    const refused =
      f.cmd === "aibot_respond_msg" || f.cmd === "aibot_send_msg" ? this.refusals.shift() : undefined;
    const authOk = !this.authRefused && f.body?.bot_id === BOT_ID && f.body?.secret === BOT_SECRET;
    if (f.cmd === "aibot_subscribe" && !authOk) answer(40014, "invalid bot secret");
    else if (refused !== undefined) answer(refused, "api freq out of limit");
    else answer(0);
  }
}

/** A text message callback's body as WeCom pushes it. */
export function textMessage(
  content: string,
  o: { group?: boolean; user?: string; msgid?: string; msgtype?: string } = {},
): Record<string, unknown> {
  return {
    msgid: o.msgid ?? `msg${Math.random().toString(36).slice(2)}`,
    aibotid: BOT_ID,
    chattype: o.group ? "group" : "single",
    ...(o.group ? { chatid: "wrgroup1" } : {}),
    from: { userid: o.user ?? "zhangsan" },
    msgtype: o.msgtype ?? "text",
    ...(o.msgtype && o.msgtype !== "text" ? {} : { text: { content } }),
  };
}
