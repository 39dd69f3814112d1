// The `ws` package ships no types and @types/ws is not installed: the little the fake servers use of it.
declare module "ws" {
  import type { EventEmitter } from "node:events";
  import type { Server } from "node:http";

  export class WebSocket extends EventEmitter {
    static readonly OPEN: number;
    readonly readyState: number;
    send(data: string | Uint8Array): void;
    close(): void;
    terminate(): void;
  }

  export class WebSocketServer extends EventEmitter {
    constructor(options: { server?: Server; noServer?: boolean; path?: string });
    readonly clients: Set<WebSocket>;
    close(cb?: () => void): void;
  }
}
