/** The default delivery time and time zone of a subscription. */
export const DEFAULT_TIME = "09:00";
export const DEFAULT_TIME_ZONE = "Asia/Shanghai";

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The local date ("2025-03-03") and time ("09:05") of an instant in a time zone. */
export function localParts(now: Date, timeZone: string): { date: string; time: string } {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(now)
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/** Whether a name is an IANA time zone this runtime knows ("Asia/Shanghai", "Europe/London", "UTC"). */
export function isTimeZone(name: string): boolean {
  try {
    formatter(name);
    return true;
  } catch {
    return false;
  }
}

/** "8:30" or "08:30" as "08:30"; null when not a time of day. */
export function parseTime(text: string): string | null {
  const m = /^([01]?\d|2[0-3])[:：]([0-5]\d)$/.exec(text.trim());
  return m ? `${(m[1] ?? "").padStart(2, "0")}:${m[2]}` : null;
}

/** The day before a "YYYY-MM-DD" date. */
export function previousDate(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** The instant a local date begins in a time zone (DST-safe to the minute for whole-hour offsets). */
export function startOfLocalDate(date: string, timeZone: string): Date {
  const guess = new Date(`${date}T00:00:00Z`);
  const local = localParts(guess, timeZone);
  const shown = Date.parse(`${local.date}T${local.time}:00Z`);
  return new Date(guess.getTime() - (shown - guess.getTime()));
}
