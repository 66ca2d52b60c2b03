import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type { PGlite } from '@electric-sql/pglite';
import { and, desc, eq, gt, inArray, lt, sql } from 'drizzle-orm';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Db } from '../../db/client.js';
import { staffUsers } from '../auth/index.js';
import type { EncodedMember } from '../members/index.js';
import { orgs } from '../orgs/index.js';
import { importErrors, importJobs, importRows } from './imports.schema.js';

export type ImportJobRow = typeof importJobs.$inferSelect;
export type ImportJobWithOrg = ImportJobRow & { orgName: string; orgPath: string; createdByName: string };
/** A checked row as staged: the member's columns (byte columns as hex text), its row number and credit code. */
export type StagedRow = EncodedMember & { jobId: number; rowNo: number; creditCode: string | null };
export type ImportErrorRow = typeof importErrors.$inferSelect;

const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;
const asBuffer = (v: Buffer | Uint8Array) => (Buffer.isBuffer(v) ? v : Buffer.from(v));

const withOrg = {
  job: importJobs,
  orgName: orgs.name,
  orgPath: orgs.path,
  createdByName: staffUsers.username,
};
const flatten = (r: {
  job: ImportJobRow;
  orgName: string;
  orgPath: string;
  createdByName: string;
}): ImportJobWithOrg => ({
  ...r.job,
  orgName: r.orgName,
  orgPath: r.orgPath,
  createdByName: r.createdByName,
});

export async function insertJob(db: Db, values: typeof importJobs.$inferInsert): Promise<number> {
  const [row] = await db.insert(importJobs).values(values).returning({ id: importJobs.id });
  return row!.id;
}

export async function findJobById(db: Db, id: number): Promise<ImportJobWithOrg | null> {
  const [row] = await db
    .select(withOrg)
    .from(importJobs)
    .innerJoin(orgs, eq(orgs.id, importJobs.orgId))
    .innerJoin(staffUsers, eq(staffUsers.id, importJobs.createdBy))
    .where(eq(importJobs.id, id))
    .limit(1);
  return row ? flatten(row) : null;
}

/** Jobs under a subtree, or of one union, newest first. */
export async function listJobs(
  db: Db,
  filter: { rootPath: string; orgId?: number | undefined },
  page: { limit: number; offset: number },
): Promise<{ items: ImportJobWithOrg[]; total: number }> {
  const where = and(
    sql`${orgs.path} <@ ${filter.rootPath}::ltree`,
    filter.orgId ? eq(importJobs.orgId, filter.orgId) : undefined,
  );
  const rows = await db
    .select(withOrg)
    .from(importJobs)
    .innerJoin(orgs, eq(orgs.id, importJobs.orgId))
    .innerJoin(staffUsers, eq(staffUsers.id, importJobs.createdBy))
    .where(where)
    .orderBy(desc(importJobs.createdAt), desc(importJobs.id))
    .limit(page.limit)
    .offset(page.offset);
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(importJobs)
    .innerJoin(orgs, eq(orgs.id, importJobs.orgId))
    .where(where);
  return { items: rows.map(flatten), total: count?.n ?? 0 };
}

export async function updateJob(
  db: Db,
  id: number,
  change: Partial<Omit<typeof importJobs.$inferInsert, 'id'>>,
  at: Date,
): Promise<void> {
  await db
    .update(importJobs)
    .set({ ...change, updatedAt: at })
    .where(eq(importJobs.id, id));
}

/** Moves a job from one status to the next only if nobody did meanwhile; false when it was not in `from`. */
export async function claimJob(db: Db, id: number, from: string, to: string, at: Date): Promise<boolean> {
  const rows = await db
    .update(importJobs)
    .set({ status: to, updatedAt: at })
    .where(and(eq(importJobs.id, id), eq(importJobs.status, from)))
    .returning({ id: importJobs.id });
  return rows.length === 1;
}

export interface ActiveHolder {
  /** Hex, as the encoder gives it. */
  idHash: string;
  orgId: number;
  orgName: string;
  orgPath: string;
  name: string;
  /** Hex. */
  phoneHash: string;
}

/** The active memberships of these people (by ID-number hash in hex), with their unions. */
export async function findActiveByIdHashes(db: Db, idHashes: string[]): Promise<ActiveHolder[]> {
  if (idHashes.length === 0) return [];
  const list = idHashes.join(',');
  const result = await db.execute(sql`
    select m.id_hash, m.org_id::int as org_id, o.name as org_name, o.path::text as org_path, m.name, m.phone_hash
    from members m join orgs o on o.id = m.org_id
    where m.status = 'active'
      and m.id_hash in (select decode(h, 'hex') from unnest(string_to_array(${list}, ',')) as h)`);
  return rowsOf<{
    id_hash: Buffer | Uint8Array;
    org_id: number;
    org_name: string;
    org_path: string;
    name: string;
    phone_hash: Buffer | Uint8Array;
  }>(result).map((r) => ({
    idHash: asBuffer(r.id_hash).toString('hex'),
    orgId: r.org_id,
    orgName: r.org_name,
    orgPath: r.org_path,
    name: r.name,
    phoneHash: asBuffer(r.phone_hash).toString('hex'),
  }));
}

export interface OrgFacts {
  id: number;
  name: string;
  path: string;
  level: string;
  status: string;
  provinceCode: string | null;
  regionCode: string | null;
}

export async function findOrgsByIds(db: Db, ids: number[]): Promise<OrgFacts[]> {
  if (ids.length === 0) return [];
  return db
    .select({
      id: orgs.id,
      name: orgs.name,
      path: orgs.path,
      level: orgs.level,
      status: orgs.status,
      provinceCode: orgs.provinceCode,
      regionCode: orgs.regionCode,
    })
    .from(orgs)
    .where(inArray(orgs.id, ids));
}

/** Registered enterprises by credit code: code → id. */
export async function findEnterpriseIds(db: Db, codes: string[]): Promise<Map<string, number>> {
  if (codes.length === 0) return new Map();
  const result = await db.execute(
    sql`select credit_code, id::int as id from enterprises where credit_code in (select unnest(string_to_array(${codes.join(',')}, ',')))`,
  );
  return new Map(rowsOf<{ credit_code: string; id: number }>(result).map((r) => [r.credit_code, r.id]));
}

const COPY_COLUMNS = [
  'job_id',
  'row_no',
  'province_code',
  'org_id',
  'name',
  'name_pinyin',
  'name_initials',
  'id_hash',
  'id_enc',
  'id_masked',
  'birth_date',
  'gender',
  'phone_hash',
  'phone_enc',
  'phone_masked',
  'employer_name',
  'employer_id',
  'credit_code',
  'joined_on',
  'categories',
];

/** Text in COPY's text format: backslash, tab and line breaks escaped (rare in a roster: tested first). */
const NEEDS_ESCAPE = /[\\\t\n\r]/;
function copyText(value: string | null): string {
  if (value === null) return '\\N';
  if (!NEEDS_ESCAPE.test(value)) return value;
  return value.replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]!);
}

/** One staged row as a line of COPY text, in COPY_COLUMNS order; bytea as \\x + hex. */
function copyLine(r: StagedRow): string {
  return `${r.jobId}\t${r.rowNo}\t${r.provinceCode}\t${r.orgId}\t${copyText(r.name)}\t${r.namePinyin}\t${r.nameInitials}\t\\\\x${r.idHash}\t\\\\x${r.idEnc}\t${r.idMasked}\t${r.birthDate}\t${r.gender}\t\\\\x${r.phoneHash}\t\\\\x${r.phoneEnc}\t${r.phoneMasked}\t${copyText(r.employerName)}\t${r.employerId ?? '\\N'}\t${copyText(r.creditCode)}\t${r.joinedOn}\t{${r.categories.join(',')}}\n`;
}

/** Staged rows as COPY text, built as soon as a batch is ready so its row objects die young. */
export function copyLines(rows: StagedRow[]): string {
  let text = '';
  for (const row of rows) text += copyLine(row);
  return text;
}

const COPY_SQL = `copy import_rows (${COPY_COLUMNS.join(', ')}) from stdin`;

/** Where a job's checked rows go as they are prepared; `finish` makes them all visible at once. */
export interface StagingWriter {
  /** Rows as `copyLines` makes them. */
  write(text: string): Promise<void>;
  finish(): Promise<void>;
  /** Gives up: nothing written through this writer is kept. */
  abort(err: Error): Promise<void>;
}

/**
 * One COPY FROM STDIN for the whole job on its own connection (PostgreSQL): the rows stream in as
 * batches are prepared, with the stream's backpressure bounding what waits in memory, and become
 * visible only when the COPY ends — a job that fails or whose process dies leaves no staged row.
 */
export function copyStagingWriter(client: pg.PoolClient): StagingWriter {
  const stream = client.query(copyFrom(COPY_SQL));
  let failure: Error | null = null;
  stream.on('error', (err: Error) => {
    failure ??= err;
  });
  const done = finished(stream);
  done.catch(() => undefined);
  return {
    async write(text) {
      if (failure) throw failure;
      if (text && !stream.write(text)) await Promise.race([once(stream, 'drain'), done]);
      if (failure) throw failure;
    },
    async finish() {
      stream.end();
      await done;
    },
    async abort(err) {
      stream.destroy(err);
      await done.catch(() => undefined);
    },
  };
}

/**
 * The embedded engine: one COPY per batch from an in-memory blob (PGlite reads `/dev/blob`); rows
 * are visible batch by batch, and the job's cleanup removes them if it fails.
 */
export function blobStagingWriter(pglite: PGlite): StagingWriter {
  const sql = `copy import_rows (${COPY_COLUMNS.join(', ')}) from '/dev/blob'`;
  return {
    async write(text) {
      if (!text) return;
      await pglite.query(sql, [], { blob: new Blob([text]) });
    },
    finish: async () => undefined,
    abort: async () => undefined,
  };
}

export async function insertErrors(db: Db, rows: (typeof importErrors.$inferInsert)[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) await db.insert(importErrors).values(rows.slice(i, i + 1000));
}

/** Staged rows of a job sharing an ID number with another staged row: each with the other rows' numbers. */
export async function findDuplicateRows(
  db: Db,
  jobId: number,
): Promise<{ rowNo: number; others: number[] }[]> {
  const result = await db.execute(sql`
    with dup as (
      select id_hash, array_agg(row_no order by row_no) as rows
      from import_rows where job_id = ${jobId}
      group by id_hash having count(*) > 1
    )
    select r.row_no, array_to_string(dup.rows, ',') as rows
    from import_rows r join dup on dup.id_hash = r.id_hash
    where r.job_id = ${jobId}
    order by r.row_no`);
  return rowsOf<{ row_no: number; rows: string }>(result).map((r) => ({
    rowNo: Number(r.row_no),
    others: r.rows
      .split(',')
      .map(Number)
      .filter((n) => n !== Number(r.row_no)),
  }));
}

export async function listStagedRows(db: Db, jobId: number, rowNos: number[]) {
  if (rowNos.length === 0) return [];
  return db
    .select()
    .from(importRows)
    .where(and(eq(importRows.jobId, jobId), inArray(importRows.rowNo, rowNos)));
}

export async function deleteStagedRows(db: Db, jobId: number, rowNos?: number[]): Promise<void> {
  await db
    .delete(importRows)
    .where(and(eq(importRows.jobId, jobId), rowNos ? inArray(importRows.rowNo, rowNos) : undefined));
}

/**
 * Moves a job's staged rows into `members` and their first status-history rows, in two set-based
 * statements (the rollup triggers fire once each). Rows of people who became active meanwhile are
 * left out. Runs in the caller's transaction; answers how many members were written.
 */
export async function moveStagedRows(
  tx: Db,
  input: { jobId: number; actorId: number; actorName: string; reason: string; at: Date },
): Promise<number> {
  const at = input.at.toISOString();
  const result = await tx.execute(sql`
    with staged as (
      select * from import_rows s
      where s.job_id = ${input.jobId}
        and not exists (select 1 from members m where m.id_hash = s.id_hash and m.status = 'active')
      order by s.row_no
    ), inserted as (
      insert into members (province_code, org_id, name, name_pinyin, name_initials, id_hash, id_enc, id_masked,
        birth_date, gender, phone_hash, phone_enc, phone_masked, employer_name, employer_id, joined_on, status,
        categories, created_at, updated_at)
      select province_code, org_id, name, name_pinyin, name_initials, id_hash, id_enc, id_masked,
        birth_date, gender, phone_hash, phone_enc, phone_masked, employer_name, employer_id, joined_on, 'active',
        categories, ${at}::timestamptz, ${at}::timestamptz
      from staged
      returning id, province_code, org_id
    )
    , history as (
      insert into member_status_history (province_code, member_id, from_status, to_status, org_id, reason,
        actor_type, actor_id, actor_name, at)
      select province_code, id, null, 'active', org_id, ${input.reason}, 'staff', ${input.actorId},
        ${input.actorName}, ${at}::timestamptz
      from inserted
      returning 1
    )
    select count(*)::int as n from history`);
  return Number(rowsOf<{ n: number }>(result)[0]?.n ?? 0);
}

export async function countStagedRows(db: Db, jobId: number): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(importRows)
    .where(eq(importRows.jobId, jobId));
  return row?.n ?? 0;
}

export async function listErrors(db: Db, jobId: number, afterRowNo: number, limit: number) {
  return db
    .select()
    .from(importErrors)
    .where(and(eq(importErrors.jobId, jobId), gt(importErrors.rowNo, afterRowNo)))
    .orderBy(importErrors.rowNo)
    .limit(limit);
}

export async function deleteErrors(db: Db, jobId: number): Promise<void> {
  await db.delete(importErrors).where(eq(importErrors.jobId, jobId));
}

/** Jobs a stopped process left running: failed now, their staged rows removed. */
export async function failInterruptedJobs(db: Db, failure: { code: string; message: string }, at: Date) {
  const rows = await db
    .update(importJobs)
    .set({ status: 'failed', failure, finishedAt: at, updatedAt: at, storedFile: null })
    .where(inArray(importJobs.status, ['queued', 'validating', 'committing']))
    .returning({ id: importJobs.id });
  for (const { id } of rows) await deleteStagedRows(db, id);
  return rows.map((r) => r.id);
}

/** Checked imports nobody committed before `before`: cancelled, their staged rows and sealed bad rows removed. */
export async function expireCheckedJobs(
  db: Db,
  before: Date,
  failure: { code: string; message: string },
  at: Date,
): Promise<number[]> {
  const rows = await db
    .update(importJobs)
    .set({ status: 'cancelled', failure, finishedAt: at, updatedAt: at })
    .where(and(eq(importJobs.status, 'validated'), lt(importJobs.validatedAt, before)))
    .returning({ id: importJobs.id });
  for (const { id } of rows) {
    await deleteStagedRows(db, id);
    await deleteErrors(db, id);
  }
  return rows.map((r) => r.id);
}
