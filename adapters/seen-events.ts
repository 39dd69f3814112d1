/** A bounded set of recently seen Events API event ids, so a retried delivery is answered only once. */
export class SeenEvents {
  private readonly ids = new Set<string>();

  /** Remembers at most `max` ids, forgetting the oldest first. */
  constructor(private readonly max = 2000) {}

  /** True the first time an id is offered, false for every repeat. */
  firstTime(id: string): boolean {
    if (this.ids.has(id)) return false;
    this.ids.add(id);
    if (this.ids.size > this.max) {
      const oldest = this.ids.values().next().value;
      if (oldest !== undefined) this.ids.delete(oldest);
    }
    return true;
  }
}
