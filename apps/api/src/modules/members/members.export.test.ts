import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessMatrix } from '../../test/access-matrix.js';
import {
  type BuiltMember,
  bearer,
  buildMember,
  buildOrg,
  buildOrgTree,
  buildStaffUser,
  tokenFor,
} from '../../test/factories.js';
import { createTestEnv, type TestEnv } from '../../test/harness.js';
import type { OrgRow } from '../orgs/index.js';

let env: TestEnv;
let tree: Awaited<ReturnType<typeof buildOrgTree>>;
let otherGrassroots: OrgRow;
const built: BuiltMember[] = [];

beforeAll(async () => {
  env = await createTestEnv();
  tree = await buildOrgTree(env);
  otherGrassroots = await buildOrg(env, {
    parent: tree.otherCounty,
    name: '开封市龙亭区汴京机械有限公司工会',
  });
  built.push(
    await buildMember(env, {
      org: tree.grassroots,
      name: '张三丰',
      employerName: '郑州绿城物业服务有限公司',
      categories: ['migrant_worker', 'model_worker'],
      joinedOn: '2019-04-01',
    }),
    await buildMember(env, { org: tree.grassroots, name: '李四', joinedOn: '2020-04-01' }),
    await buildMember(env, { org: otherGrassroots, name: '钱多多' }),
  );
});
afterAll(() => env.close());

async function readRows(body: Buffer): Promise<string[][]> {
  const rows: string[][] = [];
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(body), {});
  for await (const sheet of reader)
    for await (const row of sheet) {
      const values = (row.values as unknown[])
        .slice(1)
        .map((v) => (v === null || v === undefined ? '' : String(v)));
      rows.push(values);
    }
  return rows;
}

describe('GET /api/v1/members/export', () => {
  it('passes the access matrix', async () => {
    await expectAccessMatrix(env, {
      method: 'GET',
      url: (org) => `/api/v1/members/export?orgId=${org.id}`,
      allowedRole: 'org_admin',
      deniedRole: 'staff',
      home: tree.county,
      inScope: tree.grassroots,
      outOfScope: otherGrassroots,
    });
  });

  it('streams an xlsx of masked rows under a watermark naming who exported it and when', async () => {
    env.clock.set(new Date('2026-11-24T11:30:00Z'));
    const user = await buildStaffUser(env, {
      org: tree.county,
      roles: ['org_admin'],
      username: 'zhengzhou_admin',
    });
    const res = await env.app.inject({
      method: 'GET',
      url: `/api/v1/members/export?orgId=${tree.grassroots.id}`,
      headers: bearer(await tokenFor(env, user)),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="members-\d{12}\.xlsx"$/);
    const body = res.rawPayload;
    expect(body.subarray(0, 2).toString()).toBe('PK');

    const watermark = '导出人：zhengzhou_admin 2026-11-24 19:30 仅限工作使用';
    const rows = await readRows(body);
    expect(rows[0]).toEqual([watermark]);
    expect(rows[1]).toEqual([
      '姓名',
      '身份证号(脱敏)',
      '手机号(脱敏)',
      '性别',
      '出生日期',
      '工作单位',
      '所属工会',
      '入会日期',
      '状态',
      '人员类别',
    ]);
    const data = rows.slice(2);
    expect(data.map((r) => r[0]).sort()).toEqual(['张三丰', '李四']);
    const zhang = data.find((r) => r[0] === '张三丰')!;
    const m = built[0]!;
    expect(zhang).toEqual([
      '张三丰',
      `4101**********${m.idNumber.slice(-4)}`,
      `${m.phone.slice(0, 3)}****${m.phone.slice(-4)}`,
      '男',
      `${m.idNumber.slice(6, 10)}-${m.idNumber.slice(10, 12)}-${m.idNumber.slice(12, 14)}`,
      '郑州绿城物业服务有限公司',
      '郑州绿城物业服务有限公司工会',
      '2019-04-01',
      '在会',
      '农民工、劳动模范',
    ]);
    const text = rows.flat().join('\n');
    for (const b of built) {
      expect(text).not.toContain(b.idNumber);
      expect(text).not.toContain(b.phone);
    }

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(body as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.headerFooter.oddHeader).toBe(`&C${watermark}`);
    expect(sheet.headerFooter.oddFooter).toBe(`&C${watermark}`);

    const [audit] = await env.database.query<{ actor_id: number; details: unknown }>(
      "select actor_id, details from audit_log where action = 'member.export' order by id desc limit 1",
    );
    expect(audit).toEqual({ actor_id: user.id, details: { filter: { orgId: tree.grassroots.id }, rows: 2 } });
  });

  it('keeps an ID number searched for out of the audit log, and answers 404 for another subtree', async () => {
    const user = await buildStaffUser(env, { org: tree.county, roles: ['org_admin'] });
    const headers = bearer(await tokenFor(env, user));
    const m = built[1]!;
    const res = await env.app.inject({
      method: 'GET',
      url: `/api/v1/members/export?q=${m.idNumber}`,
      headers,
    });
    expect(res.statusCode).toBe(200);
    expect((await readRows(res.rawPayload)).slice(2).map((r) => r[0])).toEqual(['李四']);
    const [audit] = await env.database.query<{ details: { filter: { q: string }; rows: number } }>(
      "select details from audit_log where action = 'member.export' order by id desc limit 1",
    );
    expect(audit?.details).toEqual({ filter: { q: `4101**********${m.idNumber.slice(-4)}` }, rows: 1 });
    const outside = await env.app.inject({
      method: 'GET',
      url: `/api/v1/members/export?orgId=${otherGrassroots.id}`,
      headers,
    });
    expect(outside.statusCode).toBe(404);
  });

  it('refuses more than 100,000 rows, naming the limit, and logs no export', async () => {
    const big = await buildOrg(env, { parent: tree.county, name: '郑州大型制造集团联合工会' });
    // Rows put in directly: only their number matters here, and 100,001 through the API would take minutes.
    await env.database.query(
      `insert into members (province_code, org_id, name, name_pinyin, name_initials, id_hash, id_enc, id_masked,
         birth_date, gender, phone_hash, phone_enc, phone_masked, joined_on, status)
       select '410000', $1, '批量', 'piliang', 'pl', decode(md5(i::text), 'hex'), '\\x00', '4101**********0000',
         '1990-01-01', 'male', decode(md5(i::text), 'hex'), '\\x00', '137****0000', '2020-01-01', 'left'
       from generate_series(1, 100001) as i`,
      [big.id],
    );
    const user = await buildStaffUser(env, { org: tree.county, roles: ['org_admin'] });
    const res = await env.app.inject({
      method: 'GET',
      url: `/api/v1/members/export?orgId=${big.id}`,
      headers: bearer(await tokenFor(env, user)),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'MEMBER_EXPORT_TOO_LARGE',
      meta: { limit: 100_000, rows: 100_001 },
    });
    expect(res.json().error.message).toContain('100000');
    const exports = await env.database.query<{ n: number }>(
      "select count(*)::int as n from audit_log where action = 'member.export' and actor_id = $1",
      [user.id],
    );
    expect(exports[0]!.n).toBe(0);
  });
});
