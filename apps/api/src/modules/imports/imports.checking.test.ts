import { idNumberCheckChar } from '@unionhub/contracts';
import { describe, expect, it } from 'vitest';
import {
  buildEnterprise,
  buildMember,
  buildOrg,
  uniquePhone,
  validCreditCode,
} from '../../test/factories.js';
import {
  commit,
  countMembers,
  countStaged,
  county,
  csvOf,
  describeNoPlainIdNumberLeft,
  env,
  expectRollupsMatchRecount,
  HEADER,
  importFile,
  job,
  otherGrassroots,
  person,
  readWorkbook,
  tokenAs,
  tree,
  upload,
  useImportsEnv,
} from './imports.test-setup.js';

useImportsEnv();

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

describeNoPlainIdNumberLeft();
