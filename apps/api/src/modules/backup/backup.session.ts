import { pipeline } from 'node:stream/promises';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import type { Database } from '../../db/client.js';

/**
 * One transaction on either engine with the two things backup needs beyond plain queries:
 * COPY out of a table and COPY into it, both in PostgreSQL's text format.
 */
export interface BackupSession {
  query<T>(text: string, params?: unknown[]): Promise<T[]>;
  /** `target` is a quoted table with its column list, e.g. `"public"."orgs" ("id", "name")`. */
  copyOut(target: string): AsyncIterable<Uint8Array>;
  copyIn(target: string, data: AsyncIterable<Uint8Array>): Promise<void>;
}

/** snapshot: read-only and repeatable, so counts, checksums and data agree; write: for restore. */
export type SessionMode = 'snapshot' | 'write';

/**
 * Text renderings that differ between sessions (time zone, date style, bytea) would make the
 * same rows checksum differently on two servers, so both sides pin them for the transaction.
 * Operators may set a statement timeout on the role; a large COPY must not trip it.
 */
const PINNED_SETTINGS = [
  "SET LOCAL TimeZone = 'UTC'",
  "SET LOCAL DateStyle = 'ISO, YMD'",
  "SET LOCAL IntervalStyle = 'postgres'",
  "SET LOCAL bytea_output = 'hex'",
  'SET LOCAL extra_float_digits = 1',
  'SET LOCAL statement_timeout = 0',
  // The restore loads the member rollups as they were; the triggers that keep them must not add to them.
  "SET LOCAL unionhub.restoring = 'on'",
];

/** PGlite hands a whole table over as one Blob; it is passed on in slices of this size. */
const BLOB_SLICE_BYTES = 1024 * 1024;

export function inBackupSession<T>(
  database: Database,
  mode: SessionMode,
  work: (session: BackupSession) => Promise<T>,
): Promise<T> {
  return database.engine === 'pglite'
    ? inPgliteSession(database, mode, work)
    : inPostgresSession(database, mode, work);
}

function inPgliteSession<T>(
  database: Database,
  mode: SessionMode,
  work: (session: BackupSession) => Promise<T>,
): Promise<T> {
  const pglite = database.pglite;
  if (!pglite) throw new Error('The PGlite database has no client');
  // A PGlite transaction holds the only connection, so no other query interleaves with it.
  return pglite.transaction(async (tx) => {
    if (mode === 'snapshot') await tx.query('SET TRANSACTION READ ONLY');
    for (const statement of PINNED_SETTINGS) await tx.query(statement);
    return work({
      async query<R>(text: string, params?: unknown[]) {
        return (await tx.query<R>(text, params)).rows;
      },
      async *copyOut(target) {
        const { blob } = await tx.query(`COPY ${target} TO '/dev/blob'`);
        if (!blob) return;
        for (let at = 0; at < blob.size; at += BLOB_SLICE_BYTES)
          yield new Uint8Array(await blob.slice(at, at + BLOB_SLICE_BYTES).arrayBuffer());
      },
      async copyIn(target, data) {
        const parts: Uint8Array[] = [];
        for await (const chunk of data) parts.push(chunk);
        if (parts.length === 0) return;
        await tx.query(`COPY ${target} FROM '/dev/blob'`, [], { blob: new Blob(parts) });
      },
    });
  });
}

async function inPostgresSession<T>(
  database: Database,
  mode: SessionMode,
  work: (session: BackupSession) => Promise<T>,
): Promise<T> {
  const pool = database.pool;
  if (!pool) throw new Error('The PostgreSQL database has no pool');
  const client = await pool.connect();
  // A COPY cut off half way leaves the connection mid-protocol; such a connection is dropped
  // (the server then rolls back) instead of being handed back to the pool.
  let copying = false;
  try {
    await client.query(mode === 'snapshot' ? 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY' : 'BEGIN');
    for (const statement of PINNED_SETTINGS) await client.query(statement);
    const result = await work({
      async query<R>(text: string, params?: unknown[]) {
        return (await client.query(text, params)).rows as R[];
      },
      async *copyOut(target) {
        copying = true;
        for await (const chunk of client.query(copyTo(`COPY ${target} TO STDOUT`))) yield chunk as Buffer;
        copying = false;
      },
      async copyIn(target, data) {
        copying = true;
        await pipeline(data, client.query(copyFrom(`COPY ${target} FROM STDIN`)));
        copying = false;
      },
    });
    await client.query('COMMIT');
    client.release();
    return result;
  } catch (err) {
    if (copying) {
      client.release(err as Error);
    } else {
      const rolledBack = await client.query('ROLLBACK').then(
        () => true,
        () => false,
      );
      client.release(rolledBack ? undefined : (err as Error));
    }
    throw err;
  }
}
