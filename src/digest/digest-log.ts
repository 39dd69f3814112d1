/**
 * Where the digests report, by severity: routine progress at info; what an operator must see (a failed or
 * paused digest, a message that may or may not have arrived, a claim given up) at warn; a failed tick at error.
 */
export interface DigestLog {
  info(line: string): void;
  warn(line: string): void;
  error(line: string): void;
}

/** Every line to stderr, for a scheduler built without a log. */
export const STDERR_DIGEST_LOG: DigestLog = {
  info: (line) => console.error(line),
  warn: (line) => console.error(line),
  error: (line) => console.error(line),
};
