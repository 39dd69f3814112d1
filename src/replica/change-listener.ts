import { CORPUS_CHANNEL } from "./corpus-version.js";
import { type RefreshScheduler, SYSTEM_TIMERS, type Timers } from "./refresh-scheduler.js";

/** The part of a pg.Client a listener uses: its own connection, not a pooled one (LISTEN belongs to a session). */
export interface ListenConnection {
  query(sql: string): Promise<unknown>;
  on(event: "notification", listener: (m: { channel: string; payload?: string }) => void): unknown;
  on(event: "error", listener: (e: Error) => void): unknown;
  on(event: "end", listener: () => void): unknown;
  removeAllListeners(): unknown;
  end(): Promise<void>;
}

/** What a replica's listener needs. */
export interface ChangeListenerOptions {
  /** Opens (and connects) a connection for LISTEN. */
  connect: () => Promise<ListenConnection>;
  /** Where notifications and polls lead. */
  refreshes: RefreshScheduler;
  /** One line each time the connection drops, cannot be opened, or is listening again. */
  log: (line: string) => void;
  /** LISTEN for notifications (default true); polling alone otherwise. */
  listen?: boolean;
  /** How often the version is polled, in case a notification was lost (default 5 s). */
  pollMs?: number;
  /** First wait before reconnecting; doubles on each failure up to 30 s (default 1 s). */
  retryMs?: number;
  timers?: Timers;
}

/** A running listener. */
export interface ChangeListener {
  stop(): Promise<void>;
}

const MAX_RETRY_MS = 30_000;

/**
 * Keeps a replica's view of the corpus current: a notification of another version, or a poll, requests a refresh
 * check. The LISTEN connection is re-established whenever it drops (waiting longer after each failure), and
 * on each new connection the version is checked at once, for what changed while nobody listened.
 */
export function listenForCorpusChanges(o: ChangeListenerOptions): ChangeListener {
  const timers = o.timers ?? SYSTEM_TIMERS;
  const pollMs = o.pollMs ?? 5000;
  const state = { stopped: false, client: null as ListenConnection | null, retryMs: o.retryMs ?? 1000 };
  const pending = { poll: null as unknown, retry: null as unknown };

  const lost = (c: ListenConnection, why: string) => {
    if (state.stopped || state.client !== c) return;
    state.client = null;
    close(c);
    o.log(`corpus listener: connection lost (${why}); reconnecting in ${state.retryMs / 1000} s`);
    retry();
  };
  const retry = () => {
    pending.retry = timers.setTimeout(() => {
      pending.retry = null;
      void open(true);
    }, state.retryMs);
    state.retryMs = Math.min(state.retryMs * 2, MAX_RETRY_MS);
  };
  const open = async (reconnecting: boolean) => {
    let c: ListenConnection | null = null;
    try {
      c = await o.connect();
      const self = c;
      c.on("error", (e) => lost(self, e.message));
      c.on("end", () => lost(self, "closed by the server"));
      c.on("notification", (m) => {
        if (m.channel === CORPUS_CHANNEL && Number(m.payload) !== o.refreshes.version())
          o.refreshes.request();
      });
      await c.query(`LISTEN ${CORPUS_CHANNEL}`);
      if (state.stopped) return close(c);
      state.client = c;
      state.retryMs = o.retryMs ?? 1000;
      if (reconnecting) o.log("corpus listener: listening again");
      o.refreshes.request(0);
    } catch (e) {
      if (c) close(c);
      if (state.stopped) return;
      o.log(
        `corpus listener: cannot listen (${(e as Error).message}); trying again in ${state.retryMs / 1000} s`,
      );
      retry();
    }
  };
  const poll = () => {
    o.refreshes.request(0);
    pending.poll = state.stopped ? null : timers.setTimeout(poll, pollMs);
  };

  if (o.listen ?? true) void open(false);
  pending.poll = timers.setTimeout(poll, pollMs);
  return {
    stop: async () => {
      state.stopped = true;
      for (const h of Object.values(pending)) if (h) timers.clearTimeout(h);
      if (state.client) close(state.client);
      state.client = null;
    },
  };
}

/** Ends a connection this listener no longer uses; a late error from it must not go unhandled. */
function close(c: ListenConnection): void {
  c.removeAllListeners();
  c.on("error", () => {});
  c.end().catch(() => {});
}
