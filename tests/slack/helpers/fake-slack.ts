import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** One recorded Web API call or response_url post. */
export interface Call {
  /** Web API method ("chat.postMessage") or "respond" for a response_url. */
  method: string;
  path: string;
  params: Record<string, unknown>;
}

function parseBody(raw: string, type: string | undefined): Record<string, unknown> {
  if (type?.includes("application/json")) return raw ? JSON.parse(raw) : {};
  const params: Record<string, unknown> = Object.fromEntries(new URLSearchParams(raw));
  if (typeof params.blocks === "string") params.blocks = JSON.parse(params.blocks);
  return params;
}

/** A fake Slack Web API plus response URLs on 127.0.0.1 that records every call. */
export class FakeSlack {
  readonly calls: Call[] = [];
  /** Methods to answer with 429 + Retry-After once, with the seconds. */
  readonly rateLimitOnce = new Map<string, number>();
  /** Canned answers by method (e.g. conversations.members), instead of the generic ok. */
  readonly answers = new Map<string, Record<string, unknown>>();
  private server: Server = createServer((req, res) => void this.handle(req, res));
  private ts = 0;
  base = "";

  /** Starts listening on a random port. */
  async start(): Promise<void> {
    await new Promise<void>((r) => this.server.listen(0, "127.0.0.1", r));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** The Web API base URL for clientOptions.slackApiUrl. */
  get apiUrl(): string {
    return `${this.base}/api/`;
  }

  /** A response_url served by this fake. */
  responseUrl(name: string): string {
    return `${this.base}/respond/${name}`;
  }

  /** Calls of one method. */
  of(method: string): Call[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Waits until `count` calls of `method` were recorded (or fails after `ms`). */
  async waitFor(method: string, count = 1, ms = 8000): Promise<Call[]> {
    const end = Date.now() + ms;
    while (this.of(method).length < count) {
      if (Date.now() > end)
        throw new Error(`timed out waiting for ${count} ${method}; got ${JSON.stringify(this.calls)}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    return this.of(method);
  }

  /** Waits for a call to a response_url ending in `name`. */
  async waitForPath(name: string, ms = 8000): Promise<Call> {
    const end = Date.now() + ms;
    for (;;) {
      const hit = this.calls.find((c) => c.path.endsWith(`/${name}`));
      if (hit) return hit;
      if (Date.now() > end)
        throw new Error(`timed out waiting for ${name}; got ${JSON.stringify(this.calls)}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** Stops the server. */
  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((r) => this.server.close(r));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let raw = "";
    for await (const chunk of req) raw += chunk;
    const path = req.url ?? "/";
    const method = path.startsWith("/api/") ? (path.slice(5).split("?")[0] ?? "") : "respond";
    const limited = this.rateLimitOnce.get(method);
    if (limited !== undefined) {
      this.rateLimitOnce.delete(method);
      this.calls.push({ method: `${method}:429`, path, params: parseBody(raw, req.headers["content-type"]) });
      res.writeHead(429, { "retry-after": String(limited), "content-type": "application/json" });
      res.end(JSON.stringify({ ok: false, error: "ratelimited" }));
      return;
    }
    this.calls.push({ method, path, params: parseBody(raw, req.headers["content-type"]) });
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify(this.answer(method)));
  }

  private answer(method: string): Record<string, unknown> {
    const canned = this.answers.get(method);
    if (canned) return canned;
    if (method === "auth.test")
      return { ok: true, user_id: "UBOT", bot_id: "BBOT", team_id: "T1", user: "policy" };
    this.ts++;
    return { ok: true, channel: "C1", ts: `1700000000.${String(this.ts).padStart(6, "0")}` };
  }
}
