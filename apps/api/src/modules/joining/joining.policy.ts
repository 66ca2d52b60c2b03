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
