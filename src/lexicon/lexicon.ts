/** A word list indexed by first and last character, so matching at a position does not scan every word. */
export class Lexicon<V> {
  readonly #byFirst = new Map<string, [string, V][]>();
  readonly #byLast = new Map<string, [string, V][]>();

  constructor(entries: Iterable<readonly [string, V]>) {
    const sorted = [...entries].sort(([a], [b]) => b.length - a.length);
    for (const [word, value] of sorted) {
      this.#add(this.#byFirst, word.slice(0, 1), [word, value]);
      this.#add(this.#byLast, word.slice(-1), [word, value]);
    }
  }

  #add(index: Map<string, [string, V][]>, key: string, entry: [string, V]): void {
    const list = index.get(key) ?? [];
    list.push(entry);
    index.set(key, list);
  }

  /** Every word, longest first. */
  words(): string[] {
    return [...this.#byFirst.values()]
      .flat()
      .map(([w]) => w)
      .sort((a, b) => b.length - a.length);
  }

  /** The longest word that starts at `pos`, with its value. */
  at(text: string, pos: number): [string, V] | undefined {
    return this.#byFirst.get(text[pos] ?? "")?.find(([word]) => text.startsWith(word, pos));
  }

  /** The longest word that ends at `end` and starts no earlier than `floor`, with its value. */
  before(text: string, end: number, floor: number): [string, V] | undefined {
    const fits = ([word]: [string, V]) =>
      end - word.length >= floor && text.startsWith(word, end - word.length);
    return this.#byLast.get(text[end - 1] ?? "")?.find(fits);
  }
}

/** A lexicon of space-separated words whose value is the word itself. */
export function wordList(...lines: string[]): Lexicon<string> {
  return new Lexicon(
    lines
      .join(" ")
      .split(" ")
      .map((word) => [word, word] as const),
  );
}

/** A word written literally inside a regular expression. */
export function escapeRegExp(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
