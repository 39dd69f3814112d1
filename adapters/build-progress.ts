/** Where a progress line is drawn: a terminal stream (process.stderr). */
export interface ProgressStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

/** Redraws at most this often (ms); a build of 10,000 files would otherwise write 10,000 lines. */
const REDRAW_MS = 200;
/** A build shorter than this draws nothing: the seeds take 0.3 s, and a flash of text is noise. */
const QUIET_MS = 1000;

/**
 * A progress callback for an index build that draws `index: 1,234 / 10,000 files read` on one terminal line,
 * redrawn in place and cleared when the build is done. Off a terminal (logs, pipes, tests) it draws nothing.
 */
export function buildProgress(
  stream: ProgressStream,
  clock: () => number = performance.now.bind(performance),
): (done: number, total: number) => void {
  if (!stream.isTTY) return () => {};
  const start = clock();
  let drawn = -Infinity;
  let visible = false;
  return (done, total) => {
    const now = clock();
    if (done >= total) {
      if (visible) stream.write("\r\x1b[2K");
      visible = false;
      return;
    }
    if (now - start < QUIET_MS || now - drawn < REDRAW_MS) return;
    drawn = now;
    visible = true;
    stream.write(
      `\r\x1b[2Kindex: ${done.toLocaleString("en-US")} / ${total.toLocaleString("en-US")} files read`,
    );
  };
}
