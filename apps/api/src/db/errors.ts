/** The PostgreSQL error under whatever wrapped it (drizzle wraps driver errors in `cause`). */
export function pgErrorOf(err: unknown): { code?: string; constraint?: string; message?: string } | null {
  let current = err as { code?: string; constraint?: string; message?: string; cause?: unknown } | null;
  for (let depth = 0; current && depth < 5; depth++) {
    if (typeof current.code === 'string' && /^[0-9A-Z]{5}$/.test(current.code)) return current;
    current = current.cause as typeof current;
  }
  return null;
}

/** True for a unique-constraint violation, optionally of the named constraint or index. */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  const pg = pgErrorOf(err);
  if (pg?.code !== '23505') return false;
  return !constraint || pg.constraint === constraint || (pg.message ?? '').includes(constraint);
}
