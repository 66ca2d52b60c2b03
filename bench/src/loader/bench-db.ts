import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { DEFAULT_SEED } from '../synthetic/index.js';
import { loadConfig, openContext } from './app.js';
import type { PiiSecrets } from './encode.js';
import { type LoadSession, loadProvince, markerMatches, readMarker, writeMarker } from './load.js';

export interface BenchDbOptions {
  members: number;
  /** Holds secrets.json (PII keys, card key) shared by the loader and the server; for PGlite also the data. */
  dataDir: string;
  seed?: number;
  cardEvery?: number;
  log?: (line: string) => void;
}

export interface BenchDb {
  engine: 'postgres' | 'pglite';
  /** The server's environment for this database: DATABASE_URL (or none) and DATA_DIR. */
  env: Record<string, string>;
  reused: boolean;
  buildSeconds: number;
  sizeBytes: number;
  members: number;
}

function configFor(env: Record<string, string>) {
  return loadConfig({ NODE_ENV: 'development', LOG_LEVEL: 'warn', SEED_DEMO: 'never', ...env });
}

function secretsOf(config: ReturnType<typeof loadConfig>): { secrets: PiiSecrets; id: string } {
  const s = config.secrets;
  const secrets: PiiSecrets = {
    piiKeys: [...s.piiKeys].map(([id, key]) => [id, key.toString('base64')]),
    activeKeyId: s.activeKeyId,
    piiHmacKey: s.piiHmacKey.toString('base64'),
  };
  const id = createHash('sha256')
    .update(JSON.stringify(secrets))
    .update(s.cardSigningKeyPem)
    .digest('hex')
    .slice(0, 16);
  return { secrets, id };
}

function dirSize(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    total += entry.isDirectory() ? dirSize(p) : statSync(p).size;
  }
  return total;
}

/**
 * The bench database on a PostgreSQL server at `members` members: reused when its marker names the
 * same N, generator version, seed and secrets, else dropped and built again. `adminUrl` is any
 * database of the server (the bench database itself is created beside it, never inside it).
 */
export async function ensurePostgresBenchDb(
  adminUrl: string,
  dbName: string,
  opts: BenchDbOptions,
): Promise<BenchDb> {
  const log = opts.log ?? console.info;
  const seed = opts.seed ?? DEFAULT_SEED;
  const url = new URL(adminUrl);
  if (url.pathname.replace(/^\//, '') === dbName)
    throw new Error(`DATABASE_URL must not name ${dbName} itself`);
  url.pathname = `/${dbName}`;
  const benchUrl = url.toString();
  const env = { DATABASE_URL: benchUrl, DATA_DIR: opts.dataDir };
  const config = configFor(env);
  const { secrets, id: secretsId } = secretsOf(config);

  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const sizeOf = async () =>
    Number((await admin.query('select pg_database_size($1) as n', [dbName])).rows[0].n);
  try {
    const exists =
      (await admin.query('select 1 from pg_database where datname = $1', [dbName])).rowCount! > 0;
    if (exists) {
      const probe = new pg.Client({ connectionString: benchUrl });
      await probe.connect();
      const marker = await readMarker({ query: async (q, p) => (await probe.query(q, p)).rows });
      await probe.end();
      if (markerMatches(marker, { members: opts.members, seed, secretsId })) {
        log(`bench database ${dbName} at ${opts.members.toLocaleString('en')} members: reused`);
        return {
          engine: 'postgres',
          env,
          reused: true,
          buildSeconds: marker!.buildSeconds,
          sizeBytes: await sizeOf(),
          members: opts.members,
        };
      }
      log(`bench database ${dbName} holds another build; building it again`);
      await admin.query(`drop database ${dbName} with (force)`);
    }
    await admin.query(`create database ${dbName}`);
    const started = performance.now();
    const opened = await openContext(config, { purpose: 'the bench loader' });
    const client = new pg.Client({ connectionString: benchUrl, application_name: 'unionhub-bench-loader' });
    await client.connect();
    try {
      await client.query(`set maintenance_work_mem = '1GB'`);
      await client.query('set max_parallel_maintenance_workers = 2');
      await client.query('set synchronous_commit = off');
      const session: LoadSession = {
        query: async (q, p) => (await client.query(q, p)).rows,
        async copy(table, columns, rows) {
          await pipeline(
            Readable.from(rows),
            client.query(copyFrom(`copy ${table} (${columns.join(', ')}) from stdin`)),
          );
        },
      };
      await loadProvince(session, opened.ctx, {
        members: opts.members,
        seed,
        secrets,
        cardEvery: opts.cardEvery ?? 100,
        log,
      });
      const buildSeconds = (performance.now() - started) / 1000;
      await writeMarker(session, { members: opts.members, seed, secretsId, buildSeconds });
      const sizeBytes = await sizeOf();
      log(
        `bench database ${dbName} built in ${buildSeconds.toFixed(0)} s; ${(sizeBytes / 2 ** 30).toFixed(2)} GiB`,
      );
      return { engine: 'postgres', env, reused: false, buildSeconds, sizeBytes, members: opts.members };
    } finally {
      await client.end();
      await opened.close();
    }
  } finally {
    await admin.end();
  }
}

/** The same for the embedded engine: a data folder at `dataDir`, loaded through the app's PGlite handle. */
export async function ensurePgliteBenchDb(opts: BenchDbOptions): Promise<BenchDb> {
  const log = opts.log ?? console.info;
  const seed = opts.seed ?? DEFAULT_SEED;
  const env = { DATA_DIR: opts.dataDir, DATABASE_URL: '' };
  const config = configFor(env);
  const { secrets, id: secretsId } = secretsOf(config);
  const started = performance.now();
  const opened = await openContext(config, { purpose: 'the bench loader' });
  try {
    const db = opened.ctx.database.pglite!;
    const session: LoadSession = {
      query: async (q, p) => (await db.query(q, p)).rows as never[],
      async copy(table, columns, rows) {
        let batch: string[] = [];
        let size = 0;
        const flush = async () => {
          if (batch.length === 0) return;
          await db.query(`copy ${table} (${columns.join(', ')}) from '/dev/blob'`, [], {
            blob: new Blob(batch),
          });
          batch = [];
          size = 0;
        };
        for await (const chunk of rows) {
          batch.push(chunk);
          size += chunk.length;
          if (size > 16 * 2 ** 20) await flush();
        }
        await flush();
      },
    };
    const marker = await readMarker(session);
    if (markerMatches(marker, { members: opts.members, seed, secretsId })) {
      log(`embedded bench data at ${opts.members.toLocaleString('en')} members: reused`);
      return {
        engine: 'pglite',
        env,
        reused: true,
        buildSeconds: marker!.buildSeconds,
        sizeBytes: dirSize(opts.dataDir),
        members: opts.members,
      };
    }
    if (
      marker ||
      Number((await session.query<{ n: number }>('select count(*)::int as n from orgs'))[0]!.n) > 0
    )
      throw new Error(`${opts.dataDir} holds other data; remove it to build the embedded bench data again`);
    await loadProvince(session, opened.ctx, {
      members: opts.members,
      seed,
      secrets,
      cardEvery: opts.cardEvery ?? 100,
      log,
    });
    const buildSeconds = (performance.now() - started) / 1000;
    await writeMarker(session, { members: opts.members, seed, secretsId, buildSeconds });
    await db.query('checkpoint');
    const sizeBytes = dirSize(opts.dataDir);
    log(`embedded bench data built in ${buildSeconds.toFixed(0)} s; ${(sizeBytes / 2 ** 30).toFixed(2)} GiB`);
    return { engine: 'pglite', env, reused: false, buildSeconds, sizeBytes, members: opts.members };
  } finally {
    await opened.close();
  }
}
