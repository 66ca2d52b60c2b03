import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { idNumberCheckChar, type StaffRole } from '@unionhub/contracts';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessMatrix } from '../../test/access-matrix.js';
import {
  bearer,
  buildEnterprise,
  buildMember,
  buildOrg,
  buildOrgTree,
  buildStaffUser,
  tokenFor,
  uniquePhone,
  validCreditCode,
  validIdNumber,
} from '../../test/factories.js';
import { createTestEnv, type TestEnv } from '../../test/harness.js';
import type { OrgRow } from '../orgs/index.js';
import { recountRollups, snapshotRollups } from '../stats/stats.repository.js';
import { recoverImports, settleImports } from './imports.service.js';

const MAX_BYTES = 2 * 1024 * 1024;
const HEADER = [
  '姓名*',
  '身份证号*',
  '手机号*',
  '入会日期*',
  '工作单位',
  '统一社会信用代码',
  '人员类别',
  '所属工会编号',
];

let env: TestEnv;
let tree: Awaited<ReturnType<typeof buildOrgTree>>;
let otherGrassroots: OrgRow;
let county: Record<string, string>;

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

async function tokenAs(role: StaffRole, org: OrgRow = tree.county): Promise<Record<string, string>> {
  return bearer(await tokenFor(env, await buildStaffUser(env, { org, roles: [role] })));
}

type Row = (string | number | Date | null)[];

/** A valid row for a person; the ID number differs at every call. */
function person(overrides: Partial<Record<number, string | number | Date | null>> = {}): Row {
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

const csvOf = (rows: Row[], header: string[] = HEADER) =>
  [header, ...rows]
    .map((r) => r.map((c) => (c === null ? '' : String(c).includes(',') ? `"${c}"` : String(c))).join(','))
    .join('\r\n');

function multipart(
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

async function upload(
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

async function job(id: number, auth = county) {
  await settleImports(env.ctx);
  const res = await env.app.inject({ method: 'GET', url: `/api/v1/imports/${id}`, headers: auth });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** Uploads and waits until the file has been read and checked (and, without a dry run, committed). */
async function importFile(content: Buffer | string, opts: Parameters<typeof upload>[1] = {}) {
  const res = await upload(content, opts);
  expect(res.statusCode, res.body).toBe(202);
  return job(res.json().id, opts.auth ?? county);
}

async function commit(id: number, mode: string, auth = county) {
  return env.app.inject({
    method: 'POST',
    url: `/api/v1/imports/${id}/commit`,
    headers: auth,
    payload: { mode },
  });
}

async function countMembers(orgId: number): Promise<number> {
  const [row] = await env.ctx.database.query<{ n: number }>(
    'select count(*)::int as n from members where org_id = $1',
    [orgId],
  );
  return Number(row!.n);
}

async function countStaged(jobId: number): Promise<number> {
  const [row] = await env.ctx.database.query<{ n: number }>(
    'select count(*)::int as n from import_rows where job_id = $1',
    [jobId],
  );
  return Number(row!.n);
}

async function readWorkbook(body: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as never);
  return workbook;
}

async function expectRollupsMatchRecount() {
  const kept = await snapshotRollups(env.ctx.db);
  await recountRollups(env.ctx.db);
  expect(kept).toEqual(await snapshotRollups(env.ctx.db));
}

describe('roster template', () => {
  it('is an xlsx with the Chinese headers, an example row and a sheet 填写说明', async () => {
    const res = await env.app.inject({
      method: 'GET',
      url: '/api/v1/imports/members/template?format=xlsx',
      headers: county,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const workbook = await readWorkbook(res.rawPayload);
    const sheet = workbook.worksheets[0]!;
    expect((sheet.getRow(1).values as string[]).slice(1)).toEqual(HEADER);
    expect(sheet.getRow(2).getCell(1).value).toBe('张三');
    const id = String(sheet.getRow(2).getCell(2).value);
    expect(idNumberCheckChar(id.slice(0, 17))).toBe(id[17]);
    expect(workbook.getWorksheet('填写说明')).toBeDefined();
  });

  it('is a UTF-8 csv with a BOM on request; a viewer may not have it', async () => {
    const res = await env.app.inject({
      method: 'GET',
      url: '/api/v1/imports/members/template?format=csv',
      headers: county,
    });
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(res.body.split('\r\n')[0]).toBe(`\ufeff${HEADER.join(',')}`);
    const denied = await env.app.inject({
      method: 'GET',
      url: '/api/v1/imports/members/template',
      headers: await tokenAs('viewer'),
    });
    expect(denied.statusCode).toBe(403);
    const bad = await env.app.inject({
      method: 'GET',
      url: '/api/v1/imports/members/template?format=pdf',
      headers: county,
    });
    expect(bad.statusCode).toBe(400);
  });
});

describe('dry run and commit', () => {
  it('checks every row, writes nothing, and reports the bad rows in Chinese', async () => {
    const before = await countMembers(tree.grassroots.id);
    const good = [person(), person({ 6: '农民工、退役军人' }), person({ 3: '2021/03/05' })];
    const badId = person();
    badId[1] = `${String(badId[1]).slice(0, 17)}${String(badId[1])[17] === '0' ? '1' : '0'}`;
    const rows = [good[0]!, badId, good[1]!, person({ 2: '12345', 3: '2999-01-01' }), good[2]!];
    const result = await importFile(csvOf(rows));
    expect(result).toMatchObject({
      status: 'validated',
      dryRun: true,
      total: 5,
      processed: 5,
      valid: 3,
      invalid: 2,
      alreadyRegistered: 0,
      imported: 0,
      errorReportUrl: `/api/v1/imports/${result.id}/error-report`,
      orgName: tree.grassroots.name,
    });
    expect(result.errors).toEqual([
      { row: 3, column: '身份证号', message: '最后一位校验码不正确' },
      { row: 5, column: '手机号', message: '应为11位手机号码' },
      { row: 5, column: '入会日期', message: '不能晚于今天' },
    ]);
    expect(await countMembers(tree.grassroots.id)).toBe(before);

    const report = await env.app.inject({ method: 'GET', url: result.errorReportUrl, headers: county });
    expect(report.statusCode).toBe(200);
    const sheet = (await readWorkbook(report.rawPayload)).worksheets[0]!;
    expect((sheet.getRow(1).values as string[]).slice(1)).toEqual([
      '行号',
      '姓名',
      '身份证号',
      '手机号',
      '入会日期',
      '工作单位',
      '统一社会信用代码',
      '人员类别',
      '所属工会编号',
      '错误说明',
    ]);
    expect(sheet.getRow(2).getCell(1).value).toBe(3);
    expect(sheet.getRow(2).getCell(3).value).toBe(badId[1]);
    expect(sheet.getRow(2).getCell(10).value).toBe('身份证号：最后一位校验码不正确');
    expect(sheet.getRow(3).getCell(10).value).toBe('手机号：应为11位手机号码；入会日期：不能晚于今天');

    // all_or_nothing refuses a file with bad rows; skip_invalid imports the good ones.
    const refused = await commit(result.id, 'all_or_nothing');
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('IMPORT_HAS_ERRORS');
    expect(await countMembers(tree.grassroots.id)).toBe(before);

    const accepted = await commit(result.id, 'skip_invalid');
    expect(accepted.statusCode, accepted.body).toBe(202);
    const done = await job(result.id);
    expect(done).toMatchObject({ status: 'committed', mode: 'skip_invalid', imported: 3 });
    expect(await countMembers(tree.grassroots.id)).toBe(before + 3);
    expect(await countStaged(result.id)).toBe(0);

    const again = await commit(result.id, 'skip_invalid');
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('IMPORT_NOT_READY');

    // Same derived columns as a registration one at a time, and the first status-history row.
    const [m] = await env.ctx.database.query<Record<string, unknown>>(
      `select m.*, (select count(*)::int from member_status_history h where h.member_id = m.id) as history
       from members m where id_masked = $1`,
      [`${String(good[1]![1]).slice(0, 4)}**********${String(good[1]![1]).slice(14)}`],
    );
    expect(m).toMatchObject({
      name: '刘晓燕',
      name_pinyin: 'liuxiaoyan',
      name_initials: 'lxy',
      gender: 'female',
      status: 'active',
      categories: ['migrant_worker', 'veteran'],
      history: 1,
    });
    const listed = await env.app.inject({
      method: 'GET',
      url: `/api/v1/members?orgId=${tree.grassroots.id}&q=liuxiaoyan`,
      headers: county,
    });
    expect(listed.json().total).toBeGreaterThanOrEqual(3);
    await expectRollupsMatchRecount();

    const audit = await env.ctx.database.query<{ action: string; details: Record<string, unknown> }>(
      `select action, details from audit_log where target_type = 'import' and target_id = $1 order by id`,
      [String(result.id)],
    );
    expect(audit.map((a) => a.action)).toEqual([
      'member.import_start',
      'member.import_error_report',
      'member.import',
    ]);
    expect(audit[2]!.details).toMatchObject({ imported: 3, invalid: 2, valid: 3, mode: 'skip_invalid' });
  });

  it('imports in one go without a dry run, and a rerun of the same file creates no duplicates', async () => {
    const file = csvOf([person(), person(), person({ 3: '20200115' })]);
    const before = await countMembers(tree.grassroots.id);
    const first = await importFile(file, { dryRun: false });
    expect(first).toMatchObject({ status: 'committed', valid: 3, imported: 3, invalid: 0 });
    expect(first.errorReportUrl).toBeNull();
    expect(await countMembers(tree.grassroots.id)).toBe(before + 3);

    const rerun = await importFile(file, { dryRun: false });
    expect(rerun).toMatchObject({
      status: 'committed',
      valid: 0,
      alreadyRegistered: 3,
      imported: 0,
      invalid: 0,
    });
    expect(await countMembers(tree.grassroots.id)).toBe(before + 3);
    await expectRollupsMatchRecount();
  });

  it('does not commit a file with bad rows in one go under all_or_nothing, and says why', async () => {
    const before = await countMembers(tree.grassroots.id);
    const result = await importFile(csvOf([person(), person({ 0: 'X' })]), { dryRun: false });
    expect(result).toMatchObject({ status: 'validated', valid: 1, invalid: 1, imported: 0 });
    expect(result.failure.code).toBe('IMPORT_HAS_ERRORS');
    expect(result.failure.message).toContain('有错误时全部不导入');
    expect(await countMembers(tree.grassroots.id)).toBe(before);
    // skip_invalid in the form commits the good rows straight away.
    const skip = await importFile(csvOf([person(), person({ 0: 'X' })]), {
      dryRun: false,
      mode: 'skip_invalid',
    });
    expect(skip).toMatchObject({ status: 'committed', imported: 1, invalid: 1 });
  });

  it('links a registered employer by credit code and checks the code', async () => {
    const enterprise = await buildEnterprise(env, { org: tree.grassroots });
    const bad = `${validCreditCode().slice(0, 17)}I`;
    const result = await importFile(
      csvOf([
        person({ 5: enterprise.creditCode.toLowerCase() }),
        person({ 5: validCreditCode() }),
        person({ 5: bad }),
      ]),
      { dryRun: false, mode: 'skip_invalid' },
    );
    expect(result).toMatchObject({ status: 'committed', imported: 2, invalid: 1 });
    expect(result.errors[0]).toMatchObject({ row: 4, column: '统一社会信用代码' });
    const [linked] = await env.ctx.database.query<{ n: number }>(
      'select count(*)::int as n from members where employer_id = $1',
      [enterprise.id],
    );
    expect(Number(linked!.n)).toBe(1);
  });
});

describe('duplicates and unions', () => {
  it('flags both rows of a person twice in the file, naming the other row', async () => {
    const twice = person();
    const again = [...twice];
    again[2] = uniquePhone();
    const result = await importFile(csvOf([twice, person(), again]));
    expect(result).toMatchObject({ valid: 1, invalid: 2 });
    expect(result.errors).toEqual([
      { row: 2, column: '身份证号', message: '与第 4 行是同一人（身份证号重复）' },
      { row: 4, column: '身份证号', message: '与第 2 行是同一人（身份证号重复）' },
    ]);
    const report = await env.app.inject({ method: 'GET', url: result.errorReportUrl, headers: county });
    const sheet = (await readWorkbook(report.rawPayload)).worksheets[0]!;
    expect(sheet.getRow(2).getCell(3).value).toBe(twice[1]);
    expect(sheet.getRow(3).getCell(4).value).toBe(again[2]);
  });

  it('refuses people active in another union, masking a union the caller may not see', async () => {
    const secondUnion = await buildOrg(env, { parent: tree.county, name: '郑州金水科技园区联合工会' });
    const inScope = await buildMember(env, { org: secondUnion });
    const outside = await buildMember(env, { org: otherGrassroots });
    const sameUnionOtherPhone = await buildMember(env, { org: tree.grassroots, name: '赵刚' });
    const result = await importFile(
      csvOf([
        person({ 1: inScope.idNumber }),
        person({ 1: outside.idNumber }),
        person({ 0: '赵刚', 1: sameUnionOtherPhone.idNumber }),
      ]),
    );
    expect(result.invalid).toBe(3);
    expect(result.errors.map((e: { message: string }) => e.message)).toEqual([
      '此人已是“郑州金水科技园区联合工会”的在会会员，需先办理会员关系转接',
      '此人已是“开封****工会”的在会会员，需先办理会员关系转接',
      '此人已是本工会会员，但姓名或手机号与已登记的不一致；请在会员管理中修改',
    ]);
  });

  it('checks the union each row names: in scope, grassroots, and the form’s union for rows naming none', async () => {
    const before = await countMembers(tree.grassroots.id);
    const rows = [
      person({ 7: String(tree.grassroots.id) }),
      person({ 7: String(otherGrassroots.id) }),
      person({ 7: 'abc' }),
      person(),
    ];
    // The form names the county: fine for rows naming their union, an error for the row naming none.
    const result = await importFile(csvOf(rows), { orgId: tree.county.id });
    expect(result).toMatchObject({ valid: 1, invalid: 3 });
    expect(result.errors).toEqual([
      {
        row: 3,
        column: '所属工会编号',
        message: `找不到编号为 ${otherGrassroots.id} 的工会，或它不在您的管辖范围内`,
      },
      { row: 4, column: '所属工会编号', message: '应为工会编号（数字），不填则导入到所选工会' },
      {
        row: 5,
        column: '所属工会编号',
        message: '未填写，而导入时选择的“金水区总工会”不是基层工会；请在本列填写会员所在基层工会的编号',
      },
    ]);
    expect(await commit(result.id, 'skip_invalid').then((r) => r.statusCode)).toBe(202);
    expect(await job(result.id)).toMatchObject({ status: 'committed', imported: 1 });
    expect(await countMembers(tree.grassroots.id)).toBe(before + 1);
  });

  it('answers 404 for a form union outside the caller’s subtree', async () => {
    const res = await upload(csvOf([person()]), { orgId: otherGrassroots.id });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('ORG_NOT_FOUND');
  });
});

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
