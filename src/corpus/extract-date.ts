/** The usual ways a date is written in document metadata: ISO, "2025/3/1", "2025年3月1日", PDF "D:20250301…". */
const FULL = [/^(\d{4})(\d{2})(\d{2})/, /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/];
const MONTH = /^(\d{4})\s*[-/.年]\s*(\d{1,2})月?$/;

function pad(n: string): string {
  return n.padStart(2, "0");
}

/**
 * A metadata date as the manifest writes it (YYYY-MM-DD, or YYYY-MM), taken as written (no time-zone shift);
 * undefined when the value is not a plausible date, so a malformed meta tag is left out rather than guessed.
 */
export function normalizeDate(raw: string | null | undefined): string | undefined {
  const s = (raw ?? "").trim().replace(/^D:/, "");
  for (const re of FULL) {
    const m = re.exec(s);
    if (!m) continue;
    const [, y, mo, d] = m as unknown as [string, string, string, string];
    if (Number(mo) < 1 || Number(mo) > 12 || Number(d) < 1 || Number(d) > 31) return undefined;
    return `${y}-${pad(mo)}-${pad(d)}`;
  }
  const m = MONTH.exec(s);
  if (m?.[1] && m[2] && Number(m[2]) >= 1 && Number(m[2]) <= 12) return `${m[1]}-${pad(m[2])}`;
  return undefined;
}

/** Keeps only the keys that have a value: extracted metadata is null-free. */
export function compactMeta<T extends Record<string, string | null | undefined>>(
  meta: T,
): Partial<Record<keyof T, string>> {
  const out: Partial<Record<keyof T, string>> = {};
  for (const [k, v] of Object.entries(meta)) {
    const t = v?.replace(/\s+/g, " ").trim();
    if (t) out[k as keyof T] = t;
  }
  return out;
}

/** A full date written in running text: "2025年2月28日", "2025-02-28", "2025年2月28". */
const DATE_IN_TEXT = /(\d{4})\s*[年-]\s*(\d{1,2})\s*[月-]\s*(\d{1,2})/;

/** The first full date written in a text, as YYYY-MM-DD; null when there is none (or it is no real date). */
export function findDateIn(text: string): string | null {
  const m = DATE_IN_TEXT.exec(text);
  return m ? (normalizeDate(`${m[1]}-${m[2]}-${m[3]}`) ?? null) : null;
}
