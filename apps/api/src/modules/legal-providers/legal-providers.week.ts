/**
 * The duty week in China time (UTC+8, no daylight saving): Monday 00:00 to the next Monday 00:00.
 * Slots are stored as timestamptz; only the week's edges and the display use China time.
 */
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
export const WEEK_MS = 7 * DAY;
const CHINA_OFFSET = 8 * HOUR;

/** The Monday (YYYY-MM-DD, China date) of the week holding the China date or instant given. */
export function weekStartOf(day: string | Date): string {
  const utcMidnight =
    typeof day === 'string'
      ? Date.parse(`${day}T00:00:00Z`)
      : Math.floor((day.getTime() + CHINA_OFFSET) / DAY) * DAY;
  const dow = (new Date(utcMidnight).getUTCDay() + 6) % 7; // Monday = 0
  return new Date(utcMidnight - dow * DAY).toISOString().slice(0, 10);
}

/** The instants a week starting on the Monday given begins and ends. */
export function weekBounds(monday: string): { from: Date; to: Date } {
  const from = new Date(Date.parse(`${monday}T00:00:00Z`) - CHINA_OFFSET);
  return { from, to: new Date(from.getTime() + WEEK_MS) };
}

export interface Interval {
  startsAt: Date;
  endsAt: Date;
}

/** The parts of [from, to) no interval covers, in order. */
export function gapsIn(from: Date, to: Date, covered: Interval[]): Interval[] {
  const sorted = [...covered].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  const gaps: Interval[] = [];
  let cursor = from.getTime();
  for (const c of sorted) {
    const start = Math.max(c.startsAt.getTime(), from.getTime());
    const end = Math.min(c.endsAt.getTime(), to.getTime());
    if (end <= start) continue;
    if (start > cursor) gaps.push({ startsAt: new Date(cursor), endsAt: new Date(start) });
    cursor = Math.max(cursor, end);
  }
  if (cursor < to.getTime()) gaps.push({ startsAt: new Date(cursor), endsAt: to });
  return gaps;
}

/** 2026-11-23T14:00 China time, as people read it: 11月23日 14:00. */
export function chinaTimeText(at: Date): string {
  const d = new Date(at.getTime() + CHINA_OFFSET);
  const hh = String(d.getUTCHours()).padStart(2, '0');
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${hh}:${mm}`;
}
