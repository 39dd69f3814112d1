import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { WebSocketServer } from "ws";

/** Starts `server` on 127.0.0.1 at a free port and returns the port (the fake platforms never leave loopback). */
export async function listenLocally(server: Server): Promise<number> {
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return (server.address() as AddressInfo).port;
}

/** Ends every WebSocket of `wss`, then the HTTP server under it, open connections included. */
export async function closeSocketServer(server: Server, wss: WebSocketServer): Promise<void> {
  for (const c of wss.clients) c.terminate();
  wss.close();
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
}
