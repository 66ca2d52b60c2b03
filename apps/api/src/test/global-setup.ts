import { randomBytes } from 'node:crypto';
import { openPostgres, runMigrations } from '../db/client.js';

/**
 * With DATABASE_URL set, the suite runs on that PostgreSQL server: one migrated template database
 * per run, copied per test file (CREATE DATABASE … TEMPLATE is fast), all dropped at the end.
 * Without it, every test file opens its own in-memory PGlite.
 */
export default async function setup({ provide }: { provide: (key: string, value: unknown) => void }) {
  const url = process.env.DATABASE_URL;
  if (!url) return undefined;
  const run = `uh_t_${randomBytes(3).toString('hex')}`;
  const admin = await openPostgres({ url, poolMax: 1 });
  const template = `${run}_tpl`;
  await admin.query(`create database ${template}`);
  const tpl = await openPostgres({ url: withDatabase(url, template), poolMax: 1 });
  await runMigrations(tpl);
  await tpl.close();
  provide('pgRun', run);
  return async () => {
    const dbs = await admin.query<{ datname: string }>(
      'select datname from pg_database where datname like $1',
      [`${run}%`],
    );
    for (const { datname } of dbs) await admin.query(`drop database if exists ${datname} with (force)`);
    await admin.close();
  };
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
