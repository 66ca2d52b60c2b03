import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Database,
  expectedMigrationCount,
  openPglite,
  openPostgres,
  runMigrations,
} from '../../db/client.js';
import { withDatabase } from '../../test/global-setup.js';
import { type BackupSummary, createBackup, restoreBackup } from './index.js';

const dir = mkdtempSync(join(tmpdir(), 'uh-backup-'));
const opened: Database[] = [];
afterAll(async () => {
  for (const database of opened) await database.close();
  rmSync(dir, { recursive: true, force: true });
});

let fileNo = 0;
const tempFile = () => join(dir, `backup-${++fileNo}.uhb.gz`);

async function blankPglite(): Promise<Database> {
  const database = await openPglite(undefined);
  opened.push(database);
  return database;
}

async function migratedPglite(): Promise<Database> {
  const database = await blankPglite();
  await runMigrations(database);
  return database;
}

/** Rows that exercise what a text round trip can get wrong: CJK, escapes, bytea, citext, arrays, jsonb, ltree. */
async function seed(database: Database): Promise<void> {
  await database.query(`insert into orgs (path, depth, level, name, region_code, province_code)
    values ('1', 0, 'national', '中华全国总工会', null, null),
           ('1.2', 1, 'province', '河南省总工会', '410000', '410000'),
           ('1.2.3', 2, 'city', '郑州市总工会', '410100', '410000')`);
  await database.query(`update orgs set parent_id = 1 where id = 2`);
  await database.query(`update orgs set parent_id = 2 where id = 3`);
  // A child stored ahead of its parent: the self-reference must survive one COPY in storage order.
  await database.query(`insert into orgs (parent_id, path, depth, level, kind, name)
    values (1, '1.4', 1, 'province', 'industry', E'行业工会 "铁路"\\t\\\\ 第\\n二行')`);
  await database.query(
    `update orgs set parent_id = 3, path = '1.2.3.4', depth = 3, level = 'county' where id = 4`,
  );
  await database.query(
    `update orgs set status = 'active', updated_at = '2024-02-29 23:59:59.123456+08' where id = 3`,
  );
  await database.query(
    `insert into staff_users (org_id, username, display_name, password_hash, roles, totp_secret, totp_enabled)
     values (3, 'Admin.Zhang', '张三', '$argon2id$v=19$m=19456,t=2,p=1$abc', array['admin','org,"manager"'], $1, true),
            (2, 'li.si', '李四', 'x', array['viewer'], null, false)`,
    [Buffer.from([0, 255, 16, 92, 10])],
  );
  await database.query(
    `insert into member_accounts (phone_hash, phone_enc, province_code) values ($1, $2, '410000')`,
    [randomBytes(32), randomBytes(60)],
  );
  await database.query(
    `insert into sessions (id, subject_type, subject_id, refresh_hash, expires_at)
     values ('6f1c2a4e-8d3b-4f5a-9c7e-1b2d3e4f5a6b', 'staff', 1, $1, now() + interval '7 days')`,
    [randomBytes(32)],
  );
  await database.query(
    `insert into members (province_code, org_id, name, name_pinyin, name_initials, id_hash, id_enc, id_masked,
       birth_date, gender, phone_hash, phone_enc, phone_masked, joined_on, categories)
     values ('410000', 3, '欧阳娜娜', 'ouyangnana', 'oynn', $1, $2, '4101**********1234', '1988-06-12', 'female',
       $3, $4, '138****5678', '2021-03-15', array['migrant_worker','model_worker'])`,
    [randomBytes(32), randomBytes(60), randomBytes(32), randomBytes(50)],
  );
  await database.query(
    `insert into member_status_history (province_code, member_id, to_status, org_id, actor_type)
     values ('410000', 1, 'active', 3, 'system')`,
  );
  await database.query(`insert into otp_codes (phone_hash, code_hash, expires_at) values ($1, $2, now())`, [
    randomBytes(32),
    randomBytes(32),
  ]);
  await database.query(
    `insert into audit_log (occurred_at, actor_type, actor_id, org_id, action, target_type, target_id, details)
     select '2024-01-01 08:00:00+08'::timestamptz + g * interval '1 minute', 'staff', 1, 3, 'org.update', 'org', g::text,
            jsonb_build_object('n', g, 'name', '工会 ✊', 'nested', jsonb_build_object('ratio', 12345.678901234567890123, 'list', jsonb_build_array(null, true, 'a\\b')))
       from generate_series(1, 250) g`,
  );
}

const countsOf = async (database: Database) =>
  database.query<{ orgs: number; staff: number; audit: number }>(
    `select (select count(*)::int from orgs) as orgs, (select count(*)::int from staff_users) as staff,
            (select count(*)::int from audit_log) as audit`,
  );

/** Counts and checksums recomputed on each side independently, by backing both up. */
async function expectSameContent(source: Database, target: Database): Promise<void> {
  const [a, b] = [await createBackup(source, tempFile()), await createBackup(target, tempFile())];
  expect(b.tables).toEqual(a.tables);
  expect(a.tables.find((t) => t.name === 'audit_log')?.rows).toBe(250);
  expect(await countsOf(target)).toEqual(await countsOf(source));
}

async function expectValues(database: Database): Promise<void> {
  const orgs = await database.query<{ id: number; parent_id: number | null; path: string; name: string }>(
    'select id, parent_id, path::text as path, name from orgs order by id',
  );
  expect(orgs.map((o) => [o.id, o.parent_id, o.path])).toEqual([
    [1, null, '1'],
    [2, 1, '1.2'],
    [3, 2, '1.2.3'],
    [4, 3, '1.2.3.4'],
  ]);
  expect(orgs[3]?.name).toBe('行业工会 "铁路"\t\\ 第\n二行');
  const [staff] = await database.query<{ display_name: string; roles: string[]; secret: string }>(
    `select display_name, roles, encode(totp_secret, 'hex') as secret from staff_users where username = 'admin.zhang'`,
  );
  expect(staff).toEqual({ display_name: '张三', roles: ['admin', 'org,"manager"'], secret: '00ff105c0a' });
  const [audit] = await database.query<{ name: string; ratio: string; at: string }>(
    `select details->>'name' as name, details->'nested'->>'ratio' as ratio,
            to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI') as at from audit_log where target_id = '250'`,
  );
  expect(audit).toEqual({ name: '工会 ✊', ratio: '12345.678901234567890123', at: '2024-01-01 04:10' });
  const subtree = await database.query<{ n: number }>(
    `select count(*)::int as n from orgs where path <@ '1.2'`,
  );
  expect(subtree[0]?.n).toBe(3);
}

async function expectNextIdsAboveRestored(database: Database): Promise<void> {
  const [org] = await database.query<{ id: number }>(
    `insert into orgs (parent_id, path, depth, level, name) values (1, '1.99', 1, 'province', '新') returning id`,
  );
  const [audit] = await database.query<{ id: number }>(
    `insert into audit_log (actor_type, action) values ('system', 'restore.check') returning id`,
  );
  expect(Number(org?.id)).toBe(5);
  expect(Number(audit?.id)).toBe(251);
}

const isEmpty = async (database: Database) => {
  const [row] = await database.query<{ n: number }>(
    `select (select count(*) from orgs) + (select count(*) from staff_users) + (select count(*) from audit_log) as n`,
  );
  return Number(row?.n) === 0;
};

/** Rewrites a backup's header line, keeping its data, to stand for files made elsewhere. */
function withHeader(file: string, change: (header: Record<string, unknown>) => void): string {
  const text = gunzipSync(readFileSync(file));
  const newline = text.indexOf(10);
  const header = JSON.parse(text.subarray(0, newline).toString('utf8'));
  change(header);
  const out = tempFile();
  writeFileSync(out, gzipSync(Buffer.concat([Buffer.from(JSON.stringify(header)), text.subarray(newline)])));
  return out;
}

const rejectsWith = (promise: Promise<unknown>, code: string, message?: RegExp) =>
  expect(promise).rejects.toMatchObject({
    code,
    ...(message ? { message: expect.stringMatching(message) } : {}),
  });

describe('backup and restore on PGlite', () => {
  let source: Database;
  let summary: BackupSummary;
  const file = tempFile();
  beforeAll(async () => {
    source = await migratedPglite();
    await seed(source);
    summary = await createBackup(source, file);
  });

  it('restores into a blank database with the same counts, checksums and values', async () => {
    const target = await blankPglite();
    const restored = await restoreBackup(target, file);
    expect(restored).toEqual(summary);
    expect(summary).toMatchObject({ engine: 'pglite', migrations: expectedMigrationCount() });
    expect(summary.tables.map((t) => t.name)).toEqual(
      expect.arrayContaining(['orgs', 'staff_users', 'audit_log']),
    );
    await expectSameContent(source, target);
    await expectValues(target);
  });

  it('restores into a migrated empty database, and new rows get ids above the restored ones', async () => {
    const target = await migratedPglite();
    await restoreBackup(target, file);
    await expectNextIdsAboveRestored(target);
  });

  it('writes the file for its owner only', () => {
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('refuses a database that already holds rows, naming the table, and changes nothing', async () => {
    const target = await migratedPglite();
    await target.query(`insert into orgs (path, depth, level, name) values ('x', 0, 'national', '已有')`);
    await rejectsWith(restoreBackup(target, file), 'RESTORE_TARGET_NOT_EMPTY', /"orgs"/);
    expect(await countsOf(target)).toEqual([{ orgs: 1, staff: 0, audit: 0 }]);

    const unmigrated = await blankPglite();
    await unmigrated.query('create table notes (id int)');
    await unmigrated.query('insert into notes values (1)');
    await rejectsWith(restoreBackup(unmigrated, file), 'RESTORE_TARGET_NOT_EMPTY', /"notes"/);
    const [row] = await unmigrated.query<{ migrated: boolean }>(
      `select to_regclass('public.orgs') is not null as migrated`,
    );
    expect(row?.migrated).toBe(false);
  });

  it('refuses a truncated or corrupted file and leaves the target empty', async () => {
    const bytes = readFileSync(file);
    const truncated = tempFile();
    writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length * 0.8)));
    const corrupted = tempFile();
    const flipped = Buffer.from(bytes);
    for (let i = Math.floor(bytes.length / 2); i < bytes.length / 2 + 16; i++)
      flipped[i] = (flipped[i] ?? 0) ^ 0x5a;
    writeFileSync(corrupted, flipped);
    const notBackup = tempFile();
    writeFileSync(notBackup, gzipSync('hello\n'));
    const target = await migratedPglite();
    for (const bad of [truncated, corrupted, notBackup])
      await rejectsWith(restoreBackup(target, bad), 'BACKUP_INVALID');
    expect(await isEmpty(target)).toBe(true);
  });

  it('rolls everything back when the loaded rows do not match the header checksums', async () => {
    const tampered = withHeader(file, (h) => {
      const tables = h.tables as { name: string; checksum: string }[];
      const audit = tables.find((t) => t.name === 'audit_log');
      if (audit) audit.checksum = '0'.repeat(32);
    });
    const target = await migratedPglite();
    await rejectsWith(restoreBackup(target, tampered), 'BACKUP_INVALID', /does not match/);
    expect(await isEmpty(target)).toBe(true);
  });

  it('refuses a backup from a newer version before touching the database', async () => {
    const newer = withHeader(file, (h) => {
      (h.migrations as unknown[]).push({ hash: 'f'.repeat(64), createdAt: 4_102_444_800_000 });
    });
    const target = await blankPglite();
    await rejectsWith(restoreBackup(target, newer), 'BACKUP_INVALID', /newer version/);
    const [row] = await target.query<{ migrated: boolean }>(
      `select to_regclass('public.orgs') is not null as migrated`,
    );
    expect(row?.migrated).toBe(false);
  });
});

describe.runIf(!!process.env.DATABASE_URL)('backup and restore across engines (PostgreSQL)', () => {
  const url = process.env.DATABASE_URL ?? '';
  const scratch: string[] = [];
  let admin: Database;
  let source: Database;
  const file = tempFile();
  beforeAll(async () => {
    admin = await openPostgres({ url, poolMax: 1 });
    source = await migratedPglite();
    await seed(source);
    await createBackup(source, file);
  });
  afterAll(async () => {
    for (const name of scratch) await admin.query(`drop database if exists ${name} with (force)`);
    await admin.close();
  });
  /** A new, blank database on the server: no schema at all. */
  async function blankPostgres(): Promise<Database> {
    const name = `uh_backup_${randomBytes(4).toString('hex')}`;
    await admin.query(`create database ${name}`);
    scratch.push(name);
    const database = await openPostgres({ url: withDatabase(url, name), poolMax: 3 });
    opened.push(database);
    return database;
  }

  it('restores a PGlite backup into PostgreSQL and that one back into PGlite, unchanged', async () => {
    const server = await blankPostgres();
    expect((await restoreBackup(server, file)).engine).toBe('pglite');
    await expectSameContent(source, server);
    await expectValues(server);

    const fromServer = tempFile();
    expect((await createBackup(server, fromServer)).engine).toBe('postgres');
    const back = await blankPglite();
    await restoreBackup(back, fromServer);
    await expectSameContent(server, back);
    await expectValues(back);
    await expectNextIdsAboveRestored(back);
  });

  it('continues identity sequences above the restored ids on PostgreSQL', async () => {
    const server = await blankPostgres();
    await runMigrations(server);
    await restoreBackup(server, file);
    await expectNextIdsAboveRestored(server);
  });

  it('refuses a non-empty PostgreSQL database and a truncated file, leaving the target as it was', async () => {
    const occupied = await blankPostgres();
    await runMigrations(occupied);
    await occupied.query(`insert into audit_log (actor_type, action) values ('system', 'boot')`);
    await rejectsWith(restoreBackup(occupied, file), 'RESTORE_TARGET_NOT_EMPTY', /"audit_log"/);
    expect(await countsOf(occupied)).toEqual([{ orgs: 0, staff: 0, audit: 1 }]);

    const bytes = readFileSync(file);
    const truncated = tempFile();
    writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const empty = await blankPostgres();
    await rejectsWith(restoreBackup(empty, truncated), 'BACKUP_INVALID');
    expect(await isEmpty(empty)).toBe(true);
    // The pool is still usable after a COPY was cut off half way.
    expect(await empty.query<{ one: number }>('select 1 as one')).toEqual([{ one: 1 }]);
  });
});
