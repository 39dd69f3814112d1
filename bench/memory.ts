import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

const MB = 2 ** 20;

/** The garbage collector: global.gc when node runs with --expose-gc, else exposed through V8 flags, else null. */
function findGc(): (() => void) | null {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) return g;
  try {
    setFlagsFromString("--expose-gc");
    return runInNewContext("gc") as () => void;
  } catch {
    return null;
  }
}

const gc = findGc();

/** Whether heap figures are measured after a full collection (otherwise they include garbage). */
export const gcAvailable = gc !== null;

/** Runs a full collection when one is available. */
export function collect(): void {
  if (gc) {
    gc();
    gc();
  }
}

/** Heap used after a collection, in MB. */
export function heapMb(): number {
  collect();
  return process.memoryUsage().heapUsed / MB;
}

/** Resident set size now, in MB. */
export function rssMb(): number {
  return process.memoryUsage().rss / MB;
}
