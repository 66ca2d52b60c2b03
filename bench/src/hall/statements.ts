/**
 * Statements sent to PostgreSQL while requests run through an app in this process: every query of
 * node-postgres goes through `Client#query` (a pool hands out clients, a transaction holds one), so
 * counting its calls counts begin, commit and every statement in between.
 */
import pg from 'pg';

/** The mean number of statements over `times` runs of `one`, each run alone. */
export async function countStatements(times: number, one: (i: number) => Promise<void>): Promise<number> {
  const original = pg.Client.prototype.query;
  let count = 0;
  pg.Client.prototype.query = function counted(this: pg.Client, ...args: unknown[]) {
    count++;
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  try {
    for (let i = 0; i < times; i++) await one(i);
  } finally {
    pg.Client.prototype.query = original;
  }
  return count / times;
}
