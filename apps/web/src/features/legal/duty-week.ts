import type { DutyGap, DutySlot } from '@unionhub/contracts';

const HOUR = 3_600_000;

/** Today's date in China (YYYY-MM-DD), whatever the browser's zone. */
export function chinaToday(now = new Date()): string {
  return new Date(now.getTime() + 8 * HOUR).toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 24 * HOUR).toISOString().slice(0, 10);
}

/** The instant `hours` after the week's Monday 00:00 China time. */
export function weekInstant(weekStart: string, hours: number): string {
  return new Date(Date.parse(`${weekStart}T00:00:00+08:00`) + hours * HOUR).toISOString();
}

/** Hours from the week's Monday 00:00 China time to the instant. */
export function weekHours(weekStart: string, iso: string): number {
  return (Date.parse(iso) - Date.parse(`${weekStart}T00:00:00+08:00`)) / HOUR;
}

export interface Segment<T> {
  item: T;
  day: number;
  /** Hours from the day's 00:00, clipped to the day. */
  from: number;
  to: number;
  lane: number;
  lanes: number;
}

/** Cuts intervals into per-day pieces of the week and gives overlapping pieces side-by-side lanes. */
export function daySegments<T extends { startsAt: string; endsAt: string }>(
  weekStart: string,
  items: readonly T[],
): Segment<T>[] {
  const out: Segment<T>[] = [];
  for (let day = 0; day < 7; day++) {
    const pieces = items
      .map((item) => ({
        item,
        from: Math.max(weekHours(weekStart, item.startsAt) - day * 24, 0),
        to: Math.min(weekHours(weekStart, item.endsAt) - day * 24, 24),
      }))
      .filter((p) => p.to > p.from)
      .sort((a, b) => a.from - b.from);
    const laneEnds: number[] = [];
    const placed = pieces.map((p) => {
      let lane = laneEnds.findIndex((end) => end <= p.from);
      if (lane === -1) lane = laneEnds.push(p.to) - 1;
      else laneEnds[lane] = p.to;
      return { ...p, lane };
    });
    for (const p of placed) {
      const lanes = Math.max(
        1,
        ...placed.filter((q) => q.from < p.to && q.to > p.from).map((q) => q.lane + 1),
      );
      out.push({ item: p.item, day, from: p.from, to: p.to, lane: p.lane, lanes });
    }
  }
  return out;
}

export type { DutyGap, DutySlot };
