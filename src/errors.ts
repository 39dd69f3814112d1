/** Codes for setup and input mistakes; each message says what to fix. */
export type ErrorCode =
  | "CORPUS_MISSING"
  | "CORPUS_EMPTY"
  | "CORPUS_UNWRITABLE"
  | "UNDECODABLE"
  | "UNSUPPORTED_TYPE"
  | "NO_TEXT"
  | "TOO_LARGE"
  | "DUPLICATE"
  | "MANIFEST_INVALID"
  | "SYNONYMS_INVALID"
  | "CONFIG_INVALID"
  | "PLATFORM_UNREACHABLE"
  | "PLATFORM_REFUSED"
  | "INPUT_INVALID"
  | "INDEX_UNAVAILABLE"
  | "INDEX_UNSETTLED";

/** The one error type for setup and input mistakes: a code plus a message that says what to fix. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly detail?: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, detail?: Record<string, unknown>) {
    super(`${code}: ${message}`);
    this.name = "AppError";
    this.code = code;
    this.detail = detail;
  }
}
