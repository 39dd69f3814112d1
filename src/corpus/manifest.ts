import { z } from "zod";
import { AppError } from "../errors.js";
import type { DocumentMeta } from "./types.js";

const entry = z.object({
  file: z.string().min(1),
  title: z.string().nullable(),
  publisher: z.string().nullable(),
  date: z
    .string()
    .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "date must be YYYY, YYYY-MM or YYYY-MM-DD")
    .nullable(),
  url: z.string().nullable(),
  note: z.string().optional(),
});

const manifestSchema = z.object({ documents: z.array(entry) });

/** The manifest file that may sit beside the documents: one entry per file, null where the text shows nothing. */
export const MANIFEST_FILE = "manifest.json";

/** Parses and validates a manifest; a mistake names the entry and the field; a URL that is not http(s) reads as null. */
export function parseManifest(json: string, where: string): Map<string, Partial<DocumentMeta>> {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (e) {
    throw new AppError(
      "MANIFEST_INVALID",
      `${where} is not valid JSON (${(e as Error).message}) — fix or remove it`,
    );
  }
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new AppError("MANIFEST_INVALID", `${where}: ${issues}`);
  }
  const out = new Map<string, Partial<DocumentMeta>>();
  // URLs are kept as written: reading the document applies httpUrl and notes a dropped one.
  for (const d of parsed.data.documents)
    out.set(d.file, { title: d.title, publisher: d.publisher, date: d.date, url: d.url });
  return out;
}
