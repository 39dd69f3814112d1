import { LABELS } from "../../src/mod.js";

/**
 * Where each user's last reply continues, per chat, for platforms whose markdown has no buttons (DingTalk, WeCom):
 * a message that is only 更多来源 (or 更多) shows the next answers. Bounded: the oldest entries are forgotten.
 */
export class NextPages {
  private readonly map = new Map<string, { id: string; next: number }>();

  constructor(private readonly max = 2000) {}

  /** Remembers (or, with next null, forgets) where a user's last reply in a chat continues. */
  set(chat: string, user: string, id: string, next: number | null): void {
    const key = `${chat}\n${user}`;
    this.map.delete(key);
    if (next === null) return;
    this.map.set(key, { id, next });
    if (this.map.size > this.max) {
      const oldest = this.map.keys().next().value;
      if (oldest !== undefined) this.map.delete(oldest);
    }
  }

  get(chat: string, user: string): { id: string; next: number } | undefined {
    return this.map.get(`${chat}\n${user}`);
  }
}

/** The words that ask for the next page. */
const MORE_WORDS = new Set([LABELS.moreSources, "更多", "/more"]);

/** Whether a message asks for the next page of the last reply (its mentions already removed). */
export function asksForMore(text: string): boolean {
  return MORE_WORDS.has(text.trim());
}

/** The line under a page with more to come, where no button can say it: 回复“更多来源”查看第 N 条起. */
export function moreHint(next: number): string {
  return `回复“${LABELS.moreSources}”查看第 ${next + 1} 条起的来源`;
}
