/** Shared setup of the import route tests: one database per test file, the same org tree in each. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { StaffRole } from '@unionhub/contracts';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  buildOrg,
  buildOrgTree,
  buildStaffUser,
  tokenFor,
  uniquePhone,
  validIdNumber,
} from '../../test/factories.js';
import { createTestEnv, type TestEnv } from '../../test/harness.js';
import type { OrgRow } from '../orgs/index.js';
import { recountRollups, snapshotRollups } from '../stats/stats.repository.js';
import { settleImports } from './imports.service.js';

export const MAX_BYTES = 2 * 1024 * 1024;
export const HEADER = [
  '姓名*',
  '身份证号*',
  '手机号*',
  '入会日期*',
  '工作单位',
  '统一社会信用代码',
  '人员类别',
  '所属工会编号',
];

export let env: TestEnv;
export let tree: Awaited<ReturnType<typeof buildOrgTree>>;
export let otherGrassroots: OrgRow;
export let county: Record<string, string>;

export function useImportsEnv(): void {
  beforeAll(async () => {
    env = await createTestEnv({ env: { IMPORT_MAX_BYTES: String(MAX_BYTES), IMPORT_MAX_ROWS: '10000' } });
    tree = await buildOrgTree(env);
    otherGrassroots = await buildOrg(env, { parent: tree.otherCounty, name: '开封市汴京机械有限公司工会' });
    county = await tokenAs('staff');
  });
  afterAll(async () => {
    await settleImports(env.ctx);
    await env.close();
  });
}

export async function tokenAs(role: StaffRole, org: OrgRow = tree.county): Promise<Record<string, string>> {
  return bearer(await tokenFor(env, await buildStaffUser(env, { org, roles: [role] })));
}

export type Row = (string | number | Date | null)[];

/** A valid row for a person; the ID number differs at every call. */
export function person(overrides: Partial<Record<number, string | number | Date | null>> = {}): Row {
  const row: Row = [
    '刘晓燕',
    validIdNumber({ gender: 'female' }),
    uniquePhone(),
    '2022-06-01',
    '郑州绿城物业服务有限公司',
    '',
    '农民工',
    '',
  ];
  for (const [i, v] of Object.entries(overrides)) row[Number(i)] = v ?? null;
  return row;
}

export const csvOf = (rows: Row[], header: string[] = HEADER) =>
  [header, ...rows]
    .map((r) => r.map((c) => (c === null ? '' : String(c).includes(',') ? `"${c}"` : String(c))).join(','))
    .join('\r\n');

export function multipart(
  file: { name: string; content: Buffer | string },
  fields: Record<string, string>,
  boundary = `----uh${Math.random().toString(16).slice(2)}`,
) {
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields))
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    Buffer.isBuffer(file.content) ? file.content : Buffer.from(file.content, 'utf8'),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

export async function upload(
  content: Buffer | string,
  opts: {
    orgId?: number;
    dryRun?: boolean;
    mode?: string;
    name?: string;
    auth?: Record<string, string>;
  } = {},
) {
  const body = multipart(
    { name: opts.name ?? 'roster.csv', content },
    {
      orgId: String(opts.orgId ?? tree.grassroots.id),
      dryRun: String(opts.dryRun ?? true),
      ...(opts.mode ? { mode: opts.mode } : {}),
    },
  );
  return env.app.inject({
    method: 'POST',
    url: '/api/v1/imports/members',
    headers: { ...(opts.auth ?? county), ...body.headers },
    payload: body.payload,
  });
}

export async function job(id: number, auth = county) {
  await settleImports(env.ctx);
  const res = await env.app.inject({ method: 'GET', url: `/api/v1/imports/${id}`, headers: auth });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** Uploads and waits until the file has been read and checked (and, without a dry run, committed). */
export async function importFile(content: Buffer | string, opts: Parameters<typeof upload>[1] = {}) {
  const res = await upload(content, opts);
  expect(res.statusCode, res.body).toBe(202);
  return job(res.json().id, opts.auth ?? county);
}

export async function commit(id: number, mode: string, auth = county) {
  return env.app.inject({
    method: 'POST',
    url: `/api/v1/imports/${id}/commit`,
    headers: auth,
    payload: { mode },
  });
}

export async function countMembers(orgId: number): Promise<number> {
  const [row] = await env.ctx.database.query<{ n: number }>(
    'select count(*)::int as n from members where org_id = $1',
    [orgId],
  );
  return Number(row!.n);
}

export async function countStaged(jobId: number): Promise<number> {
  const [row] = await env.ctx.database.query<{ n: number }>(
    'select count(*)::int as n from import_rows where job_id = $1',
    [jobId],
  );
  return Number(row!.n);
}

export async function readWorkbook(body: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as never);
  return workbook;
}

export async function expectRollupsMatchRecount() {
  const kept = await snapshotRollups(env.ctx.db);
  await recountRollups(env.ctx.db);
  expect(kept).toEqual(await snapshotRollups(env.ctx.db));
}
/** Run last in each file: once its jobs are done, no plain ID number is left on disk or in the import tables. */
export function describeNoPlainIdNumberLeft(): void {
  describe('personal data left behind', () => {
    it('keeps no plain ID number on disk or in the import tables once jobs are done', async () => {
      await settleImports(env.ctx);
      expect(readdirSync(join(env.ctx.config.dataDir, 'imports'))).toEqual([]);
      const rows = await env.ctx.database.query<{ t: string }>(
        `select coalesce(string_agg(problems::text, ''), '') as t from import_errors`,
      );
      expect(rows[0]!.t).not.toMatch(/\d{17}[\dX]/);
    });
  });
}
