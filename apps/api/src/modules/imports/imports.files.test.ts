import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { expectAccessMatrix } from '../../test/access-matrix.js';
import { uniquePhone, validIdNumber } from '../../test/factories.js';
import type { OrgRow } from '../orgs/index.js';
import { recoverImports } from './imports.cleanup.js';
import { settleImports } from './imports.service.js';
import {
  commit,
  countMembers,
  countStaged,
  county,
  csvOf,
  env,
  expectRollupsMatchRecount,
  importFile,
  job,
  MAX_BYTES,
  multipart,
  otherGrassroots,
  person,
  type Row,
  readWorkbook,
  tokenAs,
  tree,
  upload,
  useImportsEnv,
} from './imports.test-setup.js';

useImportsEnv();

describe('files', () => {
  it('reads a GBK csv as Excel in China saves it', async () => {
    const row = person({ 0: '欧阳建华', 4: '河南省建设集团有限公司', 6: '劳动模范；新就业形态劳动者' });
    const result = await importFile(iconv.encode(csvOf([row]), 'gbk'), { dryRun: false });
    expect(result).toMatchObject({ status: 'committed', imported: 1, format: 'csv' });
    const [m] = await env.ctx.database.query<{ name: string; employer_name: string; categories: string[] }>(
      'select name, employer_name, categories from members where name = $1',
      ['欧阳建华'],
    );
    expect(m).toEqual({
      name: '欧阳建华',
      employer_name: '河南省建设集团有限公司',
      categories: ['model_worker', 'new_form_worker'],
    });
  });

  it('reads an xlsx with date cells, text ID numbers, columns in another order', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('名册');
    sheet.addRow(['手机号 *', ' 姓名', '身份证号*', '入会日期', '人员类别']);
    const a = person();
    const b = person();
    sheet.addRow([a[2], '孙丽', a[1], new Date(Date.UTC(2023, 2, 8)), '困难职工']);
    sheet.addRow([b[2], '周强', b[1], 45000, '']);
    // An ID number typed as a number loses its last digits: refused with a hint.
    sheet.addRow([uniquePhone(), '吴敏', Number('410105199001011234'), '2020-01-01', '']);
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    const result = await importFile(buffer, { name: 'roster.xlsx', mode: 'skip_invalid', dryRun: false });
    expect(result).toMatchObject({ format: 'xlsx', status: 'committed', imported: 2, invalid: 1 });
    expect(result.errors[0]).toEqual({
      row: 4,
      column: '身份证号',
      message: '请以文本格式填写（数字格式会丢失末几位）',
    });
    const joined = await env.ctx.database.query<{ name: string; joined_on: string }>(
      `select name, joined_on::text as joined_on from members where name in ('孙丽', '周强') order by name`,
    );
    expect(joined).toEqual([
      { name: '周强', joined_on: '2023-03-15' },
      { name: '孙丽', joined_on: '2023-03-08' },
    ]);
  });

  it('refuses a file that is not a spreadsheet, naming the file field', async () => {
    const png = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.alloc(64)]);
    const res = await upload(png, { name: 'roster.csv' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'IMPORT_FILE_INVALID',
      details: [{ path: 'body.file', rule: 'import.file' }],
    });
    const xls = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(600)]);
    const old = await upload(xls, { name: 'roster.xls' });
    expect(old.statusCode).toBe(400);
    expect(old.json().error.message).toContain('xls');
    const zip = Buffer.from('504b0304140000000000', 'hex');
    expect((await upload(zip, { name: 'roster.xlsx' })).statusCode).toBe(400);
    expect(readdirSync(join(env.ctx.config.dataDir, 'imports'))).toEqual([]);
  });

  it('refuses a file missing required columns, naming them', async () => {
    const res = await upload(csvOf([['张三', validIdNumber()]], ['姓名', '身份证号']));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('手机号、入会日期');
    expect(res.json().error.meta.missingColumns).toEqual(['手机号', '入会日期']);
  });

  it('refuses a file over the size limit with 413', async () => {
    const res = await upload(Buffer.alloc(MAX_BYTES + 10, 0x41));
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('IMPORT_FILE_TOO_LARGE');
    expect(readdirSync(join(env.ctx.config.dataDir, 'imports'))).toEqual([]);
  });

  it('reports the form fields that are missing or wrong', async () => {
    const body = multipart({ name: 'a.csv', content: csvOf([person()]) }, { dryRun: 'maybe' });
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/v1/imports/members',
      headers: { ...county, ...body.headers },
      payload: body.payload,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { path: string }) => d.path)).toEqual([
      'body.orgId',
      'body.dryRun',
    ]);
    const json = await env.app.inject({
      method: 'POST',
      url: '/api/v1/imports/members',
      headers: county,
      payload: { orgId: 1 },
    });
    expect(json.statusCode).toBe(415);
  });

  it('reports 10,000 bad rows and writes nothing', async () => {
    const before = await countMembers(tree.grassroots.id);
    const rows: Row[] = [];
    for (let i = 0; i < 10_000; i++) rows.push(['王五', '123', '1380000', 'yesterday', '', '', '', '']);
    const result = await importFile(csvOf(rows), { dryRun: false, mode: 'skip_invalid' });
    expect(result).toMatchObject({ total: 10_000, valid: 0, invalid: 10_000, imported: 0 });
    expect(result.errors).toHaveLength(50);
    expect(await countMembers(tree.grassroots.id)).toBe(before);
    const report = await env.app.inject({ method: 'GET', url: result.errorReportUrl, headers: county });
    const sheet = (await readWorkbook(report.rawPayload)).worksheets[0]!;
    expect(sheet.rowCount).toBe(10_001);
  });
});

describe('row limit', () => {
  it('fails a file with more rows than allowed, writing nothing', async () => {
    const rows: Row[] = [];
    for (let i = 0; i < 10_001; i++) rows.push(['王五', '1', '1', '1', '', '', '', '']);
    const result = await importFile(csvOf(rows), { dryRun: false, mode: 'skip_invalid' });
    expect(result).toMatchObject({
      status: 'failed',
      imported: 0,
      invalid: 0,
      failure: { code: 'IMPORT_FILE_INVALID', message: '文件超过 10000 行的上限，请拆分后分批导入' },
    });
    expect(result.errors).toEqual([]);
  });
});

describe('failures', () => {
  it('leaves nothing when the commit fails half way, and the same file imports afterwards', async () => {
    const file = csvOf([person(), person(), person()]);
    const before = await countMembers(tree.grassroots.id);
    await env.ctx.database.query(`
      create function fail_import() returns trigger language plpgsql as $$
      begin raise exception 'disk full'; end $$`);
    await env.ctx.database.query(
      'create trigger fail_import after insert on member_status_history for each statement execute function fail_import()',
    );
    const failed = await importFile(file, { dryRun: false });
    expect(failed).toMatchObject({ status: 'failed', imported: 0, failure: { code: 'COMMIT_FAILED' } });
    expect(await countMembers(tree.grassroots.id)).toBe(before);
    expect(await countStaged(failed.id)).toBe(0);
    await env.ctx.database.query('drop trigger fail_import on member_status_history');
    await env.ctx.database.query('drop function fail_import()');

    const rerun = await importFile(file, { dryRun: false });
    expect(rerun).toMatchObject({ status: 'committed', imported: 3 });
    expect(await countMembers(tree.grassroots.id)).toBe(before + 3);
    await expectRollupsMatchRecount();
  });

  it('marks an import a stopped process left running as failed, its staged rows gone', async () => {
    const checked = await importFile(csvOf([person()]));
    await env.ctx.database.query(`update import_jobs set status = 'committing' where id = $1`, [checked.id]);
    expect(await countStaged(checked.id)).toBe(1);
    expect(await recoverImports(env.ctx)).toEqual([checked.id]);
    expect(await job(checked.id)).toMatchObject({ status: 'failed', failure: { code: 'INTERRUPTED' } });
    expect(await countStaged(checked.id)).toBe(0);
  });
});

describe('access', () => {
  const csv = () => csvOf([person()]);

  it('POST /imports/members passes the access matrix', async () => {
    await expectAccessMatrix(env, {
      method: 'POST',
      url: () => '/api/v1/imports/members',
      payload: (org) =>
        multipart({ name: 'a.csv', content: csv() }, { orgId: String(org.id) }, 'uhfixed').payload,
      headers: () => ({ 'content-type': 'multipart/form-data; boundary=uhfixed' }),
      allowedRole: 'staff',
      deniedRole: 'viewer',
      home: tree.county,
      inScope: tree.grassroots,
      outOfScope: otherGrassroots,
      successStatus: 202,
    });
  });

  it('GET /imports/{id}, its error report, commit and the list pass the access matrix', async () => {
    const outsider = await tokenAs('staff', tree.otherCounty);
    const jobs = new Map<number, number>();
    const jobOf = async (org: OrgRow) => {
      if (!jobs.has(org.id)) {
        const auth = org.id === otherGrassroots.id ? outsider : county;
        const res = await upload(csvOf([person({ 0: 'X' }), person()]), { orgId: org.id, auth });
        jobs.set(org.id, res.json().id);
        await settleImports(env.ctx);
      }
      return jobs.get(org.id)!;
    };
    await jobOf(tree.grassroots);
    await jobOf(otherGrassroots);
    const base = {
      allowedRole: 'staff' as const,
      deniedRole: 'viewer' as const,
      home: tree.county,
      inScope: tree.grassroots,
      outOfScope: otherGrassroots,
    };
    await expectAccessMatrix(env, {
      ...base,
      method: 'GET',
      url: (org) => `/api/v1/imports/${jobs.get(org.id)}`,
    });
    await expectAccessMatrix(env, {
      ...base,
      method: 'GET',
      url: (org) => `/api/v1/imports/${jobs.get(org.id)}/error-report`,
    });
    await expectAccessMatrix(env, {
      ...base,
      method: 'GET',
      url: (org) => `/api/v1/imports?orgId=${org.id}`,
    });
    await expectAccessMatrix(env, {
      ...base,
      method: 'POST',
      url: (org) => `/api/v1/imports/${jobs.get(org.id)}/commit`,
      payload: () => ({ mode: 'skip_invalid' }),
      successStatus: 202,
    });
    const list = await env.app.inject({
      method: 'GET',
      url: `/api/v1/imports?orgId=${tree.grassroots.id}&pageSize=5`,
      headers: county,
    });
    expect(list.json().items.length).toBe(5);
    expect(list.json().items[0]).not.toHaveProperty('storedFile');
    expect(
      (await env.app.inject({ method: 'GET', url: '/api/v1/imports/999999', headers: county })).statusCode,
    ).toBe(404);
  });
});

describe('personal data', () => {
  it('keeps no plain ID number on disk or in the import tables once jobs are done', async () => {
    await settleImports(env.ctx);
    expect(readdirSync(join(env.ctx.config.dataDir, 'imports'))).toEqual([]);
    const rows = await env.ctx.database.query<{ t: string }>(
      `select coalesce(string_agg(problems::text, ''), '') as t from import_errors`,
    );
    expect(rows[0]!.t).not.toMatch(/\d{17}[\dX]/);
  });

  it('cancels a checked import left uncommitted for a week, removing its staged and bad rows', async () => {
    const checked = await importFile(csvOf([person(), person({ 0: 'X' })]));
    expect(checked).toMatchObject({ status: 'validated', valid: 1, invalid: 1 });
    env.clock.advance(8 * 86_400_000);
    const later = await tokenAs('staff');
    await importFile(csvOf([person()]), { auth: later });
    const expired = await job(checked.id, later);
    expect(expired).toMatchObject({
      status: 'cancelled',
      failure: { code: 'EXPIRED' },
      errorReportUrl: null,
    });
    expect(await countStaged(checked.id)).toBe(0);
    const [left] = await env.ctx.database.query<{ n: number }>(
      'select count(*)::int as n from import_errors where job_id = $1',
      [checked.id],
    );
    expect(Number(left!.n)).toBe(0);
    expect((await commit(checked.id, 'skip_invalid', later)).statusCode).toBe(409);
  });
});
