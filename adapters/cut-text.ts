const SENTENCE_END = /[。！？；!?;…\n]/;

/** Cuts text to at most `max` characters, at the last sentence end when one exists, marking the cut with "…". */
export function cutAtSentence(text: string, max: number): string {
  if (text.length <= max) return text;
  const room = text.slice(0, Math.max(0, max - 1));
  let end = -1;
  for (let i = room.length - 1; i >= 0; i--) {
    if (SENTENCE_END.test(room[i] ?? "")) {
      end = i + 1;
      break;
    }
  }
  const kept = end > max / 3 ? room.slice(0, end) : room;
  return `${kept}…`;
}
