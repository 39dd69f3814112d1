// The `ws` package (the DingTalk SDK's own WebSocket client) ships no types and @types/ws is not installed:
// the little the DingTalk gateway client and the fake platform servers use of it.
declare module "ws" {
  import type { EventEmitter } from "node:events";
  import type { Server } from "node:http";

  export class WebSocket extends EventEmitter {
    constructor(url: string, options?: { rejectUnauthorized?: boolean; handshakeTimeout?: number });
    static readonly OPEN: number;
    readonly readyState: number;
    send(data: string | Uint8Array): void;
    ping(): void;
    close(): void;
    terminate(): void;
  }

  export class WebSocketServer extends EventEmitter {
    constructor(options: { server?: Server; noServer?: boolean; path?: string });
    readonly clients: Set<WebSocket>;
    close(cb?: () => void): void;
  }
}
