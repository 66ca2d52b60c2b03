/**
 * The day `days` working days after `from` (a YYYY-MM-DD date): Monday to Friday count, weekends
 * do not. Public holidays and the weekends worked in their place (调休) are not known yet — there is
 * no holiday table — so around a holiday the deadline comes early, never late.
 */
export function addWorkingDays(from: string, days: number): string {
  const date = new Date(`${from}T00:00:00Z`);
  let left = days;
  while (left > 0) {
    date.setUTCDate(date.getUTCDate() + 1);
    const weekday = date.getUTCDay();
    if (weekday !== 0 && weekday !== 6) left--;
  }
  return date.toISOString().slice(0, 10);
}

/** The last instant of a China calendar day (UTC+8, no daylight saving): a deadline "by that day". */
export function endOfChinaDay(day: string): Date {
  return new Date(Date.parse(`${day}T23:59:59.999+08:00`));
}

/** The China calendar day `days` working days after the instant `from`, ending at its last instant. */
export function workingDaysDeadline(from: Date, days: number): Date {
  const today = new Date(from.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  return endOfChinaDay(addWorkingDays(today, days));
}
