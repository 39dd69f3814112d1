import { type FSWatcher, watch } from "node:fs";

/** A running directory watch. */
export interface CorpusWatch {
  close(): void;
}

/**
 * Calls `onChange` (debounced) whenever files of the corpus directory are added, changed or removed, so that
 * a dropped document becomes answerable without a restart. Changes that arrive while one is being handled
 * are handled once more right after it, never concurrently.
 */
export function watchCorpus(dir: string, onChange: () => Promise<void>, debounceMs = 400): CorpusWatch {
  let timer: NodeJS.Timeout | null = null;
  let running = false;
  let again = false;
  const run = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      await onChange();
    } finally {
      running = false;
      if (again) {
        again = false;
        schedule();
      }
    }
  };
  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void run(), debounceMs);
  };
  const watcher: FSWatcher = watch(dir, { persistent: true }, (_event, file) => {
    if (file && String(file).endsWith(".tmp")) return;
    schedule();
  });
  return {
    close: () => {
      if (timer) clearTimeout(timer);
      watcher.close();
    },
  };
}
