import type { ErrorCode } from "../errors.js";
import type { DocumentLimits } from "./document-limits.js";
import type { DocumentMeta, ParsedDocument } from "./types.js";

/** A document for the parse worker: its bytes (transferred), name, given metadata and limits. */
export interface ParseJob {
  id: number;
  file: string;
  bytes: Uint8Array;
  given: Partial<DocumentMeta>;
  limits: DocumentLimits;
}

/** The parse worker's answer: the parsed document, or the refusal it raised. */
export type ParseResult =
  | { id: number; ok: true; doc: ParsedDocument }
  | { id: number; ok: false; code: ErrorCode; message: string };
