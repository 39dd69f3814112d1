/**
 * What a document may cost to read. Every limit a corpus file is held to is here, so that a refusal names
 * the one number to change. The parse worker enforces the time and memory limits by terminating itself;
 * the zip and HTML limits are checked before the expensive step they guard.
 */
export interface DocumentLimits {
  /** Size of a corpus file, in MB, checked before it is read (the same default as ingest's MAX_DOC_MB). */
  fileMb: number;
  /** Wall-clock time one document may take to parse, in seconds, before its worker is terminated. */
  parseSeconds: number;
  /** JavaScript heap a parse may use, in MB (the worker's `resourceLimits.maxOldGenerationSizeMb`). */
  parseMemoryMb: number;
  /** Bytes all entries of a DOCX (a zip archive) may inflate to together, in MB. */
  inflatedMb: number;
  /** Entries a DOCX may hold. */
  zipEntries: number;
  /** Elements an HTML page may hold. */
  htmlElements: number;
  /** Depth of element nesting an HTML page may reach. */
  htmlDepth: number;
  /**
   * Nesting depth up to which Readability looks for the article (its cost grows with about the cube of the
   * depth); a deeper page is read as its body text, which costs time linear in its size.
   */
  readabilityDepth: number;
  /**
   * Sentences a document may hold: indexing runs on the main thread (about 80 µs a sentence), so this bounds
   * how long one document can hold it.
   */
  passages: number;
  /** Plain text and markdown files up to this size, in KB, are parsed in-process (cheap and linear). */
  inProcessKb: number;
}

/** The limits documents are held to unless the caller says otherwise. */
export const DOCUMENT_LIMITS: DocumentLimits = {
  fileMb: 20,
  parseSeconds: 20,
  parseMemoryMb: 1024,
  inflatedMb: 256,
  zipEntries: 2000,
  htmlElements: 200_000,
  htmlDepth: 1000,
  readabilityDepth: 200,
  passages: 20_000,
  inProcessKb: 256,
};

/** The default limits with the given ones changed. */
export function resolveLimits(given: Partial<DocumentLimits> = {}): DocumentLimits {
  return { ...DOCUMENT_LIMITS, ...given };
}
