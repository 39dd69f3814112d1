import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** A message the fake platform received: Telegram sendMessage or Slack chat.postMessage. */
export interface Received {
  platform: "telegram" | "slack";
  chat: string;
  text: string;
}

/**
 * What the fake does with the next message: answer it (ok), keep the request open until `release()` (hold),
 * answer 502 or drop the connection after receiving it (it still counts as received), or refuse with 429 or
 * 403 (not delivered).
 */
export type Behaviour = "ok" | "hold" | "502" | "drop" | "429" | "403";

/**
 * A fake Telegram Bot API (point grammY's `apiRoot` at `url`) and Slack Web API (`slackApiUrl` at
 * `slackUrl`) on 127.0.0.1, for digests: only sending messages is scripted, every other method answers ok.
 */
export class FakePlatform {
  /** Every message that reached the platform, whatever it answered. */
  readonly received: Received[] = [];
  /** Held requests whose sender closed the connection before an answer (a send given up). */
  cancelled = 0;
  private readonly script: Behaviour[] = [];
  private readonly held: Array<() => void> = [];
  private server: Server | null = null;
  private nextId = 1000;
  url = "";

  /** The Slack Web API root. */
  get slackUrl(): string {
    return `${this.url}/api/`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server?.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  /** The next messages get these behaviours, in order; later ones are answered ok. */
  next(...behaviours: Behaviour[]): this {
    this.script.push(...behaviours);
    return this;
  }

  /** Answers every held request (ok). */
  release(): void {
    for (const answer of this.held.splice(0)) answer();
  }

  /** Forgets what was received and scripted. */
  reset(): void {
    this.received.length = 0;
    this.script.length = 0;
    this.held.length = 0;
  }

  /** Waits until `count` messages were received. */
  async waitFor(count: number, timeoutMs = 20_000): Promise<Received[]> {
    const until = Date.now() + timeoutMs;
    while (this.received.length < count) {
      if (Date.now() > until) throw new Error(`timed out waiting for ${count} message(s)`);
      await new Promise((r) => setTimeout(r, 20));
    }
    return this.received;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    const method = (req.url ?? "").split("/").pop() ?? "";
    const slack = (req.url ?? "").startsWith("/api/");
    if (method !== "sendMessage" && method !== "chat.postMessage") return json(res, 200, okBody(slack, true));
    const message = slack ? slackMessage(raw) : telegramMessage(raw);
    const behaviour = this.script.shift() ?? "ok";
    if (behaviour === "429" || behaviour === "403") return refuse(res, slack, behaviour);
    this.received.push(message);
    if (behaviour === "drop") return void res.socket?.destroy();
    if (behaviour === "502")
      return json(res, 502, { ok: false, error_code: 502, description: "Bad Gateway" });
    const answer = () => json(res, 200, okBody(slack, this.messageResult(message)));
    if (behaviour === "hold") {
      this.held.push(answer);
      res.once("close", () => {
        if (!res.writableEnded) this.cancelled++;
      });
    } else answer();
  }

  private messageResult(m: Received): unknown {
    const id = ++this.nextId;
    return m.platform === "slack"
      ? { ts: `1700000000.${id}`, channel: m.chat }
      : { message_id: id, date: 1_700_000_000, chat: { id: Number(m.chat), type: "private" }, text: m.text };
  }
}

function telegramMessage(raw: string): Received {
  const body = JSON.parse(raw || "{}") as { chat_id?: unknown; text?: unknown };
  return { platform: "telegram", chat: String(body.chat_id), text: String(body.text) };
}

function slackMessage(raw: string): Received {
  const body = new URLSearchParams(raw);
  return { platform: "slack", chat: body.get("channel") ?? "", text: body.get("blocks") ?? "" };
}

function okBody(slack: boolean, result: unknown): unknown {
  if (!slack) return { ok: true, result };
  return typeof result === "object" ? { ok: true, ...(result as object) } : { ok: true };
}

function refuse(res: ServerResponse, slack: boolean, code: "429" | "403"): void {
  if (code === "429") {
    res.setHeader("retry-after", "1");
    json(res, 429, {
      ok: false,
      error_code: 429,
      description: "Too Many Requests: retry after 1",
      parameters: { retry_after: 1 },
      error: "ratelimited",
    });
  } else if (slack) json(res, 200, { ok: false, error: "channel_not_found" });
  else
    json(res, 403, {
      ok: false,
      error_code: 403,
      description: "Forbidden: bot was kicked from the group chat",
    });
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}
