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
  const listener = new Listener(o);
  listener.start();
  return listener;
}

class Listener implements ChangeListener {
  private client: ListenConnection | null = null;
  private stopped = false;
  private retryMs: number;
  private readonly pending = { poll: null as unknown, retry: null as unknown };
  private readonly timers: Timers;

  constructor(private readonly o: ChangeListenerOptions) {
    this.retryMs = o.retryMs ?? 1000;
    this.timers = o.timers ?? SYSTEM_TIMERS;
  }

  start(): void {
    if (this.o.listen ?? true) void this.open(false);
    this.pending.poll = this.timers.setTimeout(() => this.poll(), this.o.pollMs ?? 5000);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const h of Object.values(this.pending)) if (h) this.timers.clearTimeout(h);
    if (this.client) close(this.client);
    this.client = null;
  }

  private poll(): void {
    this.o.refreshes.request(0);
    if (!this.stopped) this.pending.poll = this.timers.setTimeout(() => this.poll(), this.o.pollMs ?? 5000);
  }

  private async open(reconnecting: boolean): Promise<void> {
    let c: ListenConnection | null = null;
    try {
      c = await this.o.connect();
      this.watch(c);
      await c.query(`LISTEN ${CORPUS_CHANNEL}`);
      if (this.stopped) return close(c);
      this.client = c;
      this.retryMs = this.o.retryMs ?? 1000;
      if (reconnecting) this.o.log("corpus listener: listening again");
      this.o.refreshes.request(0);
    } catch (e) {
      if (c) close(c);
      if (this.stopped) return;
      this.o.log(
        `corpus listener: cannot listen (${(e as Error).message}); trying again in ${this.retryMs / 1000} s`,
      );
      this.retry();
    }
  }

  private watch(c: ListenConnection): void {
    c.on("error", (e) => this.lost(c, e.message));
    c.on("end", () => this.lost(c, "closed by the server"));
    c.on("notification", (m) => {
      if (m.channel === CORPUS_CHANNEL && Number(m.payload) !== this.o.refreshes.version())
        this.o.refreshes.request();
    });
  }

  private lost(c: ListenConnection, why: string): void {
    if (this.stopped || this.client !== c) return;
    this.client = null;
    close(c);
    this.o.log(`corpus listener: connection lost (${why}); reconnecting in ${this.retryMs / 1000} s`);
    this.retry();
  }

  private retry(): void {
    this.pending.retry = this.timers.setTimeout(() => {
      this.pending.retry = null;
      void this.open(true);
    }, this.retryMs);
    this.retryMs = Math.min(this.retryMs * 2, MAX_RETRY_MS);
  }
}

/** Ends a connection this listener no longer uses; a late error from it must not go unhandled. */
function close(c: ListenConnection): void {
  c.removeAllListeners();
  c.on("error", () => {});
  c.end().catch(() => {});
}
