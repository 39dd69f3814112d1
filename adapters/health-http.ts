import type { IncomingMessage, ServerResponse } from "node:http";
import type { Health } from "./health.js";

/** The path of the health endpoint on every HTTP server the bot runs. */
export const HEALTH_PATH = "/healthz";

/**
 * Answers GET /healthz: 200 with the state when ready, 503 while starting or stopping. Returns false for any
 * other request, which the caller then handles.
 */
export function serveHealth(req: IncomingMessage, res: ServerResponse, health: Health | undefined): boolean {
  if (!health || (req.url ?? "").split("?")[0] !== HEALTH_PATH) return false;
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.writeHead(405, { allow: "GET, HEAD" }).end();
    return true;
  }
  const state = health.state();
  const body = JSON.stringify({ status: state.phase, started: state.started, platforms: state.platforms });
  res.writeHead(state.ready ? 200 : 503, { "content-type": "application/json", "cache-control": "no-store" });
  res.end(req.method === "HEAD" ? undefined : body);
  return true;
}
