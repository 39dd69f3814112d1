import { DWClient } from "dingtalk-stream";
import { WebSocket } from "ws";
import type { Log } from "../log.js";
import { DINGTALK_RECONNECT, Reconnector, type ReconnectPolicy } from "./reconnect.js";

/** DingTalk's OpenAPI when DINGTALK_API_URL is not set. */
export const DINGTALK_DEFAULT_URL = "https://api.dingtalk.com";

/** A failed DingTalk call: the HTTP status (0: no answer), DingTalk's code and message. */
export class DingTalkError extends Error {
  constructor(
    readonly status: number,
    readonly code: string | null,
    message: string,
    /** Set when DingTalk said to come back later (429, send too fast): not carried out, may be retried. */
    readonly retryAfterMs: number | null = null,
    readonly errno: string | null = null,
    /** DingTalk refused the access token (expired, revoked): a new one is needed before the retry. */
    readonly tokenRejected = false,
  ) {
    super(message);
    this.name = "DingTalkError";
  }
}

/** A network failure as a DingTalkError with its system code (fetch puts it on the cause). */
export function networkError(e: unknown): DingTalkError {
  const err = e as { message?: string; cause?: { code?: string } };
  return new DingTalkError(0, null, err.message ?? String(e), null, err.cause?.code ?? null);
}

/** What the gateway client reports to: the log, and the adapter giving up on a dropped stream. */
export interface GatewayEvents {
  log: Log;
  onFailure?: (line: string) => void;
  reconnect?: ReconnectPolicy;
}

/** The SDK's interval between keep-alive pings; a ping unanswered by the next one ends the socket. */
const HEARTBEAT_MS = 8_000;

/**
 * The official Stream-mode client, told where the gateway is and with the socket's life in our hands. The SDK posts
 * its connection request to a fixed address (api.dingtalk.com); this subclass posts the same request to
 * DINGTALK_API_URL instead, so a test double or another edition's gateway can be used. The SDK's own reconnect
 * schedules two attempts for each failed one (its close handler and connect's catch: 1, 3, 7, 15 … requests) and
 * prints to stdout; here the SDK is built with autoReconnect off, the socket is opened by `_connect` below (the
 * frames, acknowledgements and callbacks stay the SDK's: onDownStream, socketCallBackResponse), and a dropped
 * stream is opened again by a Reconnector: one attempt at a time, capped backoff, then `onFailure`.
 */
export class GatewayClient extends DWClient {
  private readonly reconnector: Reconnector;
  private ws: WebSocket | null = null;
  private pinger: NodeJS.Timeout | null = null;
  private alive = false;
  private closed = false;

  constructor(
    opts: { clientId: string; clientSecret: string },
    private readonly apiUrl: string = DINGTALK_DEFAULT_URL,
    private readonly timeoutMs = 15_000,
    private readonly events: GatewayEvents,
  ) {
    // autoReconnect is read from the options at run time though the constructor's typings leave it out.
    super({ ...opts, ua: "policy-facts-bot", keepAlive: true, ...{ autoReconnect: false } });
    this.reconnector = new Reconnector(() => this.connect(), events.reconnect ?? DINGTALK_RECONNECT, {
      retrying: (n, ms, e) =>
        events.log.warn(`dingtalk stream: attempt ${n} to reconnect failed (${reason(e)}); next in ${ms} ms`),
      gaveUp: (n, e) =>
        events.onFailure?.(`dingtalk stream lost: ${n} attempts to reconnect failed (last: ${reason(e)})`),
    });
  }

  override async getEndpoint(): Promise<this> {
    const c = this.config;
    const body = {
      clientId: c.clientId,
      clientSecret: c.clientSecret,
      ua: c.ua,
      subscriptions: c.subscriptions,
    };
    const res = await fetch(`${this.apiUrl}/v1.0/gateway/connections/open`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(this.timeoutMs),
    }).catch((e: unknown) => {
      throw networkError(e);
    });
    const data = (await res.json().catch(() => ({}))) as {
      endpoint?: string;
      ticket?: string;
      code?: string;
      message?: string;
    };
    if (!res.ok || !data.endpoint || !data.ticket)
      throw new DingTalkError(res.status, data.code ?? null, data.message ?? `HTTP ${res.status}`);
    this.config.endpoint = data.endpoint;
    // The SDK keeps the socket's address in a field its typings call private.
    (this as unknown as { dw_url: string }).dw_url =
      `${data.endpoint}?ticket=${encodeURIComponent(data.ticket)}`;
    return this;
  }

  /** One connection request and socket opening, no retry of its own (the Reconnector retries). */
  override async connect(): Promise<void> {
    await this.getEndpoint();
    await this._connect();
  }

  /** Opens the socket at the address getEndpoint found; resolves once open, rejects if it cannot be. */
  override _connect(): Promise<void> {
    const url = (this as unknown as { dw_url: string }).dw_url;
    return new Promise((resolve, reject) => {
      if (this.closed) return reject(new Error("stopped"));
      // Bounded: an upgrade never answered would otherwise hold the one attempt in flight, and with it every retry.
      const socket = new WebSocket(url, { rejectUnauthorized: true, handshakeTimeout: this.timeoutMs });
      let opened = false;
      socket.on("open", () => {
        if (this.closed) return socket.close();
        opened = true;
        this.adopt(socket);
        this.events.log.info("dingtalk stream connected");
        resolve();
      });
      socket.on("pong", () => this.heartbeat());
      socket.on("message", (data: Buffer) => this.receive(data));
      socket.on("close", () => this.onClose(socket, opened));
      socket.on("error", (e: Error) => {
        socket.terminate();
        if (opened) this.events.log.warn(`dingtalk stream socket error: ${e.message}`);
        reject(e);
      });
    });
  }

  /** Stops for good: no reconnect, no keep-alive, the socket closed (and nothing printed). */
  override disconnect(): void {
    this.closed = true;
    this.reconnector.stop();
    this.stopPinging();
    this.ws?.close();
  }

  /** A pong or the gateway's KEEPALIVE frame: the socket is alive. */
  override heartbeat(): void {
    this.alive = true;
  }

  private adopt(socket: WebSocket): void {
    this.ws = socket;
    // The SDK sends acknowledgements on its `socket` field (private in its typings).
    (this as unknown as { socket: WebSocket }).socket = socket;
    this.connected = true;
    this.alive = true;
    this.stopPinging();
    this.pinger = setInterval(() => {
      if (!this.alive) {
        this.events.log.warn("dingtalk stream: no pong within the keep-alive interval; reconnecting");
        return socket.terminate();
      }
      this.alive = false;
      socket.ping();
    }, HEARTBEAT_MS);
  }

  /** A frame handed to the SDK; one it cannot parse is a log line, not an uncaught exception. */
  private receive(data: Buffer): void {
    try {
      this.onDownStream(data.toString());
    } catch (e) {
      this.events.log.warn(`dingtalk stream: unreadable frame dropped (${reason(e)})`);
    }
  }

  private onClose(socket: WebSocket, opened: boolean): void {
    if (socket !== this.ws) return;
    this.connected = false;
    this.registered = false;
    this.stopPinging();
    if (!opened || this.closed) return;
    this.events.log.warn("dingtalk stream closed; reconnecting");
    this.reconnector.dropped();
  }

  private stopPinging(): void {
    if (this.pinger !== null) clearInterval(this.pinger);
    this.pinger = null;
  }
}

function reason(e: unknown): string {
  if (e instanceof DingTalkError && e.status === 0) return e.errno ?? e.message;
  if (e instanceof DingTalkError) return `HTTP ${e.status} ${e.code ?? ""}`.trim();
  return e instanceof Error ? e.message : String(e);
}
