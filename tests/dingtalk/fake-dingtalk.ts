import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { type WebSocket, WebSocketServer } from "ws";
import { closeSocketServer, listenLocally } from "../fakes/socket-server.js";

/** One HTTP call the fake received. */
export interface DingTalkCall {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string | string[] | undefined>;
  body: Record<string, unknown>;
}

/** What the fake does with the next message sent: accept, refuse for its rate (429, errcode 130101), fail. */
export type SendBehaviour =
  | "ok"
  | "429"
  | "toofast"
  | "500"
  | "drop"
  | "refuse"
  | "token"
  | "invalid-staff"
  | "flow-controlled";

export const CLIENT_ID = "dingfakeclientid";
export const CLIENT_SECRET = "fake-client-secret";

/**
 * A fake DingTalk on 127.0.0.1: the Stream gateway's connection request and its WebSocket (pushing robot
 * messages as the SDK's JSON frames and collecting its acknowledgements), session webhooks, the access token
 * and the robot's group-message API.
 */
export class FakeDingTalk {
  readonly calls: DingTalkCall[] = [];
  readonly acks: Array<Record<string, unknown>> = [];
  private readonly script: SendBehaviour[] = [];
  private readonly server: Server = createServer((req, res) => void this.handle(req, res));
  private readonly wss = new WebSocketServer({ server: this.server });
  private seq = 0;
  private refusing = false;
  url = "";

  async start(): Promise<this> {
    this.wss.on("connection", (socket: WebSocket) => {
      socket.on("message", (data: Buffer) =>
        this.acks.push(JSON.parse(data.toString()) as Record<string, unknown>),
      );
    });
    this.url = `http://127.0.0.1:${await listenLocally(this.server)}`;
    return this;
  }

  async stop(): Promise<void> {
    await closeSocketServer(this.server, this.wss);
  }

  /** Drops every stream and, from now on, hands out a socket address that refuses connections. */
  refuseSockets(): void {
    this.refusing = true;
    this.dropStreams();
  }

  /** Ends every open stream, as a gateway restart does. */
  dropStreams(): void {
    for (const c of this.wss.clients) c.terminate();
  }

  /** How many connection requests the gateway has answered. */
  gatewayRequests(): number {
    return this.calls.filter((c) => c.path === "/v1.0/gateway/connections/open").length;
  }

  next(...behaviours: SendBehaviour[]): this {
    this.script.push(...behaviours);
    return this;
  }

  get connected(): boolean {
    return this.wss.clients.size > 0;
  }

  /** Messages posted to session webhooks or the group-message API. */
  sent(): Array<DingTalkCall & { text: string }> {
    return this.calls
      .filter((c) => c.path === "/robot/sendBySession" || c.path.startsWith("/v1.0/robot/"))
      .map((c) => ({ ...c, text: JSON.stringify(c.body) }));
  }

  async waitForSent(count: number, ms = 15_000) {
    const end = Date.now() + ms;
    while (this.sent().length < count) {
      if (Date.now() > end)
        throw new Error(`timed out waiting for ${count} sent; got ${JSON.stringify(this.calls)}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    return this.sent();
  }

  /** A session webhook of this fake for a conversation. */
  webhook(conversation: string): string {
    return `${this.url}/robot/sendBySession?session=${encodeURIComponent(conversation)}`;
  }

  /** Pushes a robot message over the stream; resolves once the SDK acknowledged it. */
  async push(message: Record<string, unknown>): Promise<Record<string, unknown>> {
    const messageId = `stream-${++this.seq}`;
    const frame = {
      specVersion: "1.0",
      type: "CALLBACK",
      headers: {
        appId: "app1",
        connectionId: "conn1",
        contentType: "application/json",
        messageId,
        time: String(Date.now()),
        topic: "/v1.0/im/bot/messages/get",
      },
      data: JSON.stringify(message),
    };
    for (const c of this.wss.clients) c.send(JSON.stringify(frame));
    const end = Date.now() + 10_000;
    for (;;) {
      const ack = this.acks.find((a) => (a.headers as { messageId?: string })?.messageId === messageId);
      if (ack) return ack;
      if (Date.now() > end) throw new Error(`no acknowledgement of ${messageId}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<unknown> {
    let raw = "";
    for await (const chunk of req) raw += chunk;
    const url = new URL(req.url ?? "/", this.url);
    const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    this.calls.push({
      method: req.method ?? "",
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: req.headers,
      body,
    });
    if (url.pathname === "/v1.0/gateway/connections/open") {
      if (body.clientSecret !== CLIENT_SECRET)
        return json(res, 401, {
          code: "InvalidAuthentication",
          message: "clientId or clientSecret is invalid",
        });
      // Port 9 (discard) is closed on 127.0.0.1: the socket is refused at once.
      const endpoint = this.refusing
        ? "ws://127.0.0.1:9/connect"
        : `${this.url.replace(/^http/, "ws")}/connect`;
      return json(res, 200, { endpoint, ticket: "ticket-1" });
    }
    if (url.pathname === "/v1.0/oauth2/accessToken")
      return json(res, 200, { accessToken: "dt-access-token", expireIn: 7200 });
    if (url.pathname === "/robot/sendBySession" || url.pathname.startsWith("/v1.0/robot/"))
      return void this.send(res, url.pathname !== "/robot/sendBySession");
    json(res, 404, { code: "NotFound", message: "no such path" });
  }

  private send(res: ServerResponse, api: boolean): unknown {
    const behaviour = this.script.shift() ?? "ok";
    if (behaviour === "429") return json(res, 429, { code: "Throttling", message: "too many requests" });
    if (behaviour === "toofast") return json(res, 200, { errcode: 130101, errmsg: "send too fast" });
    if (behaviour === "500") return json(res, 500, { code: "ServiceUnavailable", message: "internal error" });
    if (behaviour === "refuse")
      return json(res, 400, { code: "robot.not.in.group", message: "robot is not in the group" });
    if (behaviour === "drop") return void res.socket?.destroy();
    if (behaviour === "token")
      return json(res, 401, { code: "InvalidAuthentication", message: "不合法的access_token" });
    if (behaviour === "invalid-staff" || behaviour === "flow-controlled") {
      const list = behaviour === "invalid-staff" ? "invalidStaffIdList" : "flowControlledStaffIdList";
      return json(res, 200, { processQueryKey: `pq-${++this.seq}`, [list]: ["staff1"] });
    }
    return json(res, 200, api ? { processQueryKey: `pq-${++this.seq}` } : { errcode: 0, errmsg: "ok" });
  }
}

function json(res: ServerResponse, status: number, body: unknown): unknown {
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
  return undefined;
}

/** A robot text message as DingTalk pushes it over the stream. */
export function robotMessage(
  fake: FakeDingTalk,
  text: string,
  o: { group?: boolean; atBot?: boolean; user?: string; msgtype?: string; msgId?: string } = {},
): Record<string, unknown> {
  const conversationId = o.group ? "cidGroup1" : "cidSingle1";
  return {
    conversationId,
    chatbotCorpId: "ding-corp",
    chatbotUserId: "$:LWCP_v1:$bot",
    msgId: o.msgId ?? `msg${Math.random().toString(36).slice(2)}`,
    senderNick: "张三",
    isAdmin: false,
    senderStaffId: o.user ?? "staff1",
    sessionWebhookExpiredTime: Date.now() + 3_600_000,
    createAt: Date.now(),
    senderCorpId: "ding-corp",
    conversationType: o.group ? "2" : "1",
    senderId: `$:LWCP_v1:$${o.user ?? "staff1"}`,
    sessionWebhook: fake.webhook(conversationId),
    robotCode: CLIENT_ID,
    msgtype: o.msgtype ?? "text",
    isInAtList: o.group ? Boolean(o.atBot) : true,
    text: { content: text },
  };
}
