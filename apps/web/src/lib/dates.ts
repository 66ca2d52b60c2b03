/** 2027-01-05 → { year: '2027', month: '1', day: '5' }: a date as Chinese text spells it. */
export function dateParts(isoDate: string): { year: string; month: string; day: string } {
  const [year = '', month = '', day = ''] = isoDate.split('-');
  return { year, month: String(Number(month)), day: String(Number(day)) };
}

/** Whole days from `today` (YYYY-MM-DD) to `deadline`; negative once past. */
export function daysUntil(deadline: string, today: string): number {
  return Math.round((Date.parse(`${deadline}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

/** Today's date in China (where the unions work), as YYYY-MM-DD. */
export function chinaToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** A random key for Idempotency-Key; getRandomValues works on plain http too, unlike randomUUID. */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
