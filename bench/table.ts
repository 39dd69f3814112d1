/** A column: header and how to print a row's value. */
export interface Column<T> {
  head: string;
  cell: (row: T) => string;
}

/** Display width of a string (CJK characters count double). */
function width(s: string): number {
  let w = 0;
  for (const ch of s)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60]/.test(ch) ? 2 : 1;
  return w;
}

/** A plain-text table (Markdown pipe syntax), columns padded to their widest cell. */
export function formatTable<T>(rows: T[], columns: Column<T>[]): string {
  const cells = rows.map((r) => columns.map((c) => c.cell(r)));
  const widths = columns.map((c, i) => Math.max(width(c.head), ...cells.map((r) => width(r[i] ?? ""))));
  const line = (vals: string[]) =>
    `| ${vals.map((v, i) => v + " ".repeat((widths[i] ?? 0) - width(v))).join(" | ")} |`;
  return [
    line(columns.map((c) => c.head)),
    `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`,
    ...cells.map(line),
  ].join("\n");
}

/** A fraction as a percentage with one decimal ("83.3%"). */
export function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}

/** A number with a fixed count of decimals. */
export function num(x: number, decimals = 0): string {
  return x.toFixed(decimals);
}
