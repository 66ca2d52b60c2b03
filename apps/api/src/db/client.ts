import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { citext } from '@electric-sql/pglite/contrib/citext';
import { ltree } from '@electric-sql/pglite/contrib/ltree';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { describeDatabaseUrl } from '../config/config.js';
import { type ChannelHandlers, listenPglite, listenPostgres, type Subscription } from './listen.js';
import * as schema from './schema.js';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Engine = 'pglite' | 'postgres';

/** The database and what only the engine knows: raw queries, COPY, health, closing. */
export interface Database {
  engine: Engine;
  db: Db;
  /** Raw parameterized SQL returning rows; for statements drizzle does not express well. */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  ping(): Promise<void>;
  /** Hears `NOTIFY` on a channel (other processes' changes included) until closed or the database closes. */
  listen(channel: string, handlers: ChannelHandlers): Promise<Subscription>;
  close(): Promise<void>;
  readonly pglite?: PGlite;
  readonly pool?: pg.Pool;
}

export const migrationsFolder = join(dirname(fileURLToPath(import.meta.url)), '../../drizzle');

export class DatabaseUnreachableError extends Error {
  override name = 'DatabaseUnreachableError';
}

/** bigint columns come back as strings from node-postgres; ids fit in a JS number. */
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

export async function openPglite(dataDir: string | undefined): Promise<Database> {
  const client = await PGlite.create({ dataDir, extensions: { ltree, pg_trgm, citext } });
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  return {
    engine: 'pglite',
    db,
    pglite: client,
    async query<T>(text: string, params?: unknown[]) {
      return (await client.query<T>(text, params)).rows;
    },
    async ping() {
      await client.query('select 1');
    },
    async listen(channel, handlers) {
      return listenPglite(client, channel, handlers);
    },
    async close() {
      if (!client.closed) await client.close();
    },
  };
}

export interface PostgresOptions {
  url: string;
  poolMax: number;
  onPoolError?: (err: Error) => void;
}

export async function openPostgres(opts: PostgresOptions): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: opts.url,
    max: opts.poolMax,
    connectionTimeoutMillis: 5000,
    idleTimeoutMillis: 30000,
    application_name: 'unionhub',
  });
  // An idle client losing its server must not crash the process; the next query reconnects.
  pool.on('error', (err) => opts.onPoolError?.(err));
  try {
    await pool.query('select 1');
  } catch (err) {
    await pool.end().catch(() => undefined);
    const e = err as NodeJS.ErrnoException;
    throw new DatabaseUnreachableError(
      `Cannot connect to PostgreSQL at ${describeDatabaseUrl(opts.url)}: ${e.code ? `${e.code} ` : ''}${e.message || 'connection failed'}`,
    );
  }
  const db = drizzlePg({ client: pool, schema }) as unknown as Db;
  const subscriptions = new Set<Subscription>();
  return {
    engine: 'postgres',
    db,
    pool,
    async query<T>(text: string, params?: unknown[]) {
      return (await pool.query(text, params)).rows as T[];
    },
    async ping() {
      await pool.query('select 1');
    },
    async listen(channel, handlers) {
      const subscription = listenPostgres(opts.url, channel, handlers);
      subscriptions.add(subscription);
      return {
        async close() {
          subscriptions.delete(subscription);
          await subscription.close();
        },
      };
    },
    async close() {
      await Promise.all([...subscriptions].map((s) => s.close()));
      subscriptions.clear();
      if (!pool.ended) await pool.end();
    },
  };
}

/** Any PostgreSQL-compatible advisory lock number unique to this application's migrations. */
const MIGRATION_LOCK = 72_630_001;

/** Applies pending migrations; on a server, several processes starting at once take turns. */
export async function runMigrations(database: Database): Promise<void> {
  if (database.engine === 'pglite') {
    await migratePglite(database.db as never, { migrationsFolder });
    return;
  }
  const client = await database.pool!.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await migratePg(drizzlePg({ client, schema }), { migrationsFolder });
  } finally {
    await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    client.release();
  }
}

export function expectedMigrationCount(): number {
  const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as {
    entries: unknown[];
  };
  return journal.entries.length;
}

export async function appliedMigrationCount(database: Database): Promise<number> {
  const rows = await database
    .query<{ n: number }>('select count(*)::int as n from drizzle.__drizzle_migrations')
    .catch(() => [{ n: 0 }]);
  return rows[0]?.n ?? 0;
}

/** True for errors that mean the database is unreachable or restarting (answer 503, retry later). */
export function isDatabaseUnavailable(err: unknown): boolean {
  const codes = [
    'ECONNREFUSED',
    'ECONNRESET',
    'ETIMEDOUT',
    'EPIPE',
    '57P01',
    '57P02',
    '57P03',
    '08000',
    '08001',
    '08003',
    '08006',
  ];
  const pattern =
    /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i;
  // Drivers' errors arrive wrapped (drizzle puts them in `cause`): look down the chain.
  let e = err as { code?: string; message?: string; cause?: unknown } | null;
  for (let depth = 0; e && depth < 5; depth++) {
    if ((e.code && codes.includes(e.code)) || pattern.test(e.message ?? '')) return true;
    e = e.cause as typeof e;
  }
  return false;
}
