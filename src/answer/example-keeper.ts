/** Example questions chosen once per state of the corpus, for an engine that must fetch to choose them. */
export interface ExampleKeeper {
  /** The examples of the current state when chosen already (waiting for a choice under way), else null. */
  settled(): Promise<string[] | null>;
  /** The examples of the current state, chosen now if they are not yet; a failed choice is tried again next time. */
  chosen(): Promise<string[]>;
  /** The corpus changed: the next call chooses again. */
  changed(): void;
}

/** Keeps what `choose` returns until `changed()`; concurrent callers share one choice. */
export function exampleKeeper(choose: () => Promise<string[]>): ExampleKeeper {
  let version = 0;
  let kept: { version: number; examples: Promise<string[]> } | null = null;
  const current = () => (kept && kept.version === version ? kept : null);
  return {
    settled: async () => {
      const k = current();
      return k ? k.examples.catch(() => null) : null;
    },
    chosen: () => {
      const k = current();
      if (k) return k.examples;
      const entry = { version, examples: choose() };
      kept = entry;
      entry.examples.catch(() => {
        if (kept === entry) kept = null;
      });
      return entry.examples;
    },
    changed: () => {
      version++;
    },
  };
}
