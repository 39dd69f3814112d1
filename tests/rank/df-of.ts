/** Document frequencies from a table, as ranking reads them (0 for a token the table lacks). */
export function dfOf(df: Map<string, number>): (token: string) => number {
  return (token) => df.get(token) ?? 0;
}
