/**
 * Statements sent to PostgreSQL while requests run through an app in this process: every query of
 * node-postgres goes through `Client#query` (a pool hands out clients, a transaction holds one), so
 * counting its calls counts begin, commit and every statement in between — and keeping what was sent
 * lets a baseline replay exactly the statements the API runs, prepared ones under the same name.
 */
import pg from 'pg';

export interface SentStatement {
  text: string;
  values: unknown[];
  /** The prepared statement's name, when the app prepares it. */
  name?: string;
}

function sentOf(args: unknown[]): SentStatement {
  const [first, second] = args;
  if (typeof first === 'string') return { text: first, values: Array.isArray(second) ? second : [] };
  // A config object, its values inside or (as drizzle sends prepared ones) as the second argument.
  const config = first as { text: string; values?: unknown[]; name?: string };
  const values = Array.isArray(second) ? second : (config.values ?? []);
  return { text: config.text, values, ...(config.name ? { name: config.name } : {}) };
}

/** What each of `times` runs of `one` sent, run one after the other. */
export async function recordStatements(
  times: number,
  one: (i: number) => Promise<void>,
): Promise<SentStatement[][]> {
  const original = pg.Client.prototype.query;
  const runs: SentStatement[][] = [];
  let current: SentStatement[] = [];
  pg.Client.prototype.query = function recorded(this: pg.Client, ...args: unknown[]) {
    current.push(sentOf(args));
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  try {
    for (let i = 0; i < times; i++) {
      current = [];
      await one(i);
      runs.push(current);
    }
  } finally {
    pg.Client.prototype.query = original;
  }
  return runs;
}

export const meanCount = (runs: SentStatement[][]) =>
  runs.reduce((sum, run) => sum + run.length, 0) / runs.length;
