/** Runs a callback on a later turn of the event loop (setImmediate; tests pass their own). */
export type Defer = (run: () => void) => void;

interface Job {
  work: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * The engine's work, one job at a time: users take turns (a user's jobs run in order; a new user waits for
 * at most one job of each user already waiting), and every job runs on its own turn of the event loop, so
 * that requests arriving meanwhile are read and acknowledged between two jobs. Without it, ten claims from
 * each of three users ran before a fourth user's question, and no request was acknowledged in between.
 */
export class WorkQueue {
  /** Waiting jobs per user, in the order users take turns (a Map keeps insertion order). */
  private readonly waiting = new Map<string, Job[]>();
  private scheduled = false;

  constructor(private readonly defer: Defer = setImmediate) {}

  /**
   * Queues `work` in `user`'s turn; resolves with what it returns, rejects with what it throws. Work that
   * returns a promise (an engine over a remote passage index, waiting on it) lets the next job start meanwhile.
   */
  run<T>(user: string, work: () => T): Promise<Awaited<T>> {
    return new Promise<Awaited<T>>((resolve, reject) => {
      const jobs = this.waiting.get(user);
      const job = { work, resolve: resolve as (value: unknown) => void, reject };
      if (jobs) jobs.push(job);
      else this.waiting.set(user, [job]);
      this.schedule();
    });
  }

  /** Jobs waiting, all users together. */
  get size(): number {
    let n = 0;
    for (const jobs of this.waiting.values()) n += jobs.length;
    return n;
  }

  private schedule(): void {
    if (this.scheduled || this.waiting.size === 0) return;
    this.scheduled = true;
    this.defer(() => this.runNext());
  }

  /** Runs the first user's next job, then sends that user to the back of the line if more are waiting. */
  private runNext(): void {
    this.scheduled = false;
    const first = this.waiting.entries().next();
    if (first.done) return;
    const [user, jobs] = first.value;
    const job = jobs.shift();
    this.waiting.delete(user);
    if (jobs.length > 0) this.waiting.set(user, jobs);
    try {
      job?.resolve(job.work());
    } catch (e) {
      job?.reject(e);
    } finally {
      this.schedule();
    }
  }
}
