import { AppError } from "../src/mod.js";

/** What a failed listen on PORT means for the operator, by the system error's code. */
const LISTEN_ERRORS: Record<string, string> = {
  EADDRINUSE: "another process is listening on it — stop that one or set another PORT",
  EACCES: "this user may not listen on it (ports below 1024 need privileges) — set PORT to 1024 or above",
};

/** A failed listen as one AppError line naming PORT; any other error unchanged. */
export function listenError(e: unknown, port: number): unknown {
  const code = (e as NodeJS.ErrnoException)?.code;
  const why = code ? LISTEN_ERRORS[code] : undefined;
  return why ? new AppError("CONFIG_INVALID", `cannot listen on PORT ${port} (${code}): ${why}`) : e;
}
