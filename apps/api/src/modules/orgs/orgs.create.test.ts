import { describe, expect, it } from 'vitest';
import { expectAccessMatrix } from '../../test/access-matrix.js';
import { env, expectNothingWritten, post, tree, uniqueName, useOrgsEnv } from './orgs.test-setup.js';

useOrgsEnv();

describe('POST /api/v1/orgs', () => {
  it('passes the access matrix', async () => {
    await expectAccessMatrix(env, {
      method: 'POST',
      url: () => '/api/v1/orgs',
      payload: (org) => ({
        parentId: org.id,
        name: uniqueName(),
        level: 'grassroots',
        kind: 'regular',
        regionCode: org.regionCode,
      }),
      allowedRole: 'staff',
      deniedRole: 'viewer',
      home: tree.city,
      inScope: tree.county,
      outOfScope: tree.otherCounty,
      successStatus: 201,
    });
  });

  it('creates the full record with pinyin keys, a path below the parent and an audit entry', async () => {
    const res = await post('/api/v1/orgs', {
      parentId: tree.county.id,
      name: '郑州金水区快递物流行业工会',
      level: 'grassroots',
      kind: 'trade',
      regionCode: '410105',
      formation: 'delegated',
      industryCode: '60',
      chairName: '李建国',
      contactName: '王芳',
      contactPhone: '0371-65561234',
      address: '郑州市金水区花园路 1 号',
      foundedOn: '2016-05-01',
    });
    expect(res.statusCode, res.body).toBe(201);
    const org = res.json();
    expect(org).toMatchObject({
      parentId: tree.county.id,
      name: '郑州金水区快递物流行业工会',
      namePinyin: 'zhengzhoujinshuiqukuaidiwuliuhangyegonghui',
      nameInitials: 'zzjsqkdwlhygh',
      level: 'grassroots',
      kind: 'trade',
      formation: 'delegated',
      industryCode: '60',
      contactPhone: '0371-65561234',
      foundedOn: '2016-05-01',
      depth: 4,
      childCount: 0,
      status: 'active',
    });
    const [row] = await env.database.query<{ path: string; province_code: string }>(
      'select path::text as path, province_code from orgs where id = $1',
      [org.id],
    );
    expect(row).toEqual({ path: `${tree.county.path}.${org.id}`, province_code: '410000' });
    const [audit] = await env.database.query<{ action: string; org_id: number }>(
      "select action, org_id from audit_log where action = 'org.create' and target_id = $1",
      [String(org.id)],
    );
    expect(audit).toEqual({ action: 'org.create', org_id: org.id });
  });

  it('refuses each broken rule naming the field and the rule, writing nothing', async () => {
    const base = {
      parentId: tree.county.id,
      name: uniqueName(),
      level: 'grassroots',
      kind: 'regular',
      regionCode: '410105',
    };
    await expectNothingWritten(async () => {
      const cases: [Record<string, unknown>, number, string, string, string][] = [
        [{ level: 'city' }, 400, 'ORG_LEVEL_NOT_ALLOWED', 'body.level', 'org.level_below_parent'],
        [{ level: 'county' }, 400, 'ORG_LEVEL_NOT_ALLOWED', 'body.level', 'org.level_below_parent'],
        [
          { level: 'township', kind: 'joint' },
          400,
          'ORG_KIND_NOT_ALLOWED',
          'body.kind',
          'org.joint_is_grassroots',
        ],
        [
          { regionCode: '410202' },
          400,
          'ORG_REGION_OUTSIDE_PARENT',
          'body.regionCode',
          'org.region_within_parent',
        ],
        [{ regionCode: '419999' }, 400, 'REGION_UNKNOWN', 'body.regionCode', 'region.exists'],
        [{ industryCode: '99' }, 400, 'INDUSTRY_UNKNOWN', 'body.industryCode', 'industry.exists'],
        [{ industryCode: 'U' }, 400, 'INDUSTRY_UNKNOWN', 'body.industryCode', 'industry.exists'],
        [{ contactPhone: '65561234' }, 400, 'VALIDATION_FAILED', 'body.contactPhone', 'contact_phone.format'],
        [
          { contactPhone: '1380013800' },
          400,
          'VALIDATION_FAILED',
          'body.contactPhone',
          'contact_phone.format',
        ],
        [{ foundedOn: '2999-01-01' }, 400, 'VALIDATION_FAILED', 'body.foundedOn', 'org.founded_on_past'],
        [{ kind: 'industry' }, 400, 'VALIDATION_FAILED', 'body.industryCode', 'org.industry_code_required'],
      ];
      for (const [change, status, code, path, rule] of cases) {
        const res = await post('/api/v1/orgs', { ...base, ...change });
        const label = JSON.stringify(change);
        expect(res.statusCode, label).toBe(status);
        expect(res.json().error.code, label).toBe(code);
        expect(res.json().error.details[0].path, label).toBe(path);
        expect(res.json().error.details[0].message, label).toContain(`[${rule}]`);
      }
    });
  });

  it('reports several broken rules at once', async () => {
    const res = await post('/api/v1/orgs', {
      parentId: tree.county.id,
      name: uniqueName(),
      level: 'city',
      kind: 'regular',
      regionCode: '410202',
      contactPhone: 'abc',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(
      res
        .json()
        .error.details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual(['body.contactPhone', 'body.level', 'body.regionCode']);
  });

  it('refuses schema problems: unknown fields, bad enums, a malformed region code', async () => {
    await expectNothingWritten(async () => {
      const res = await post('/api/v1/orgs', {
        parentId: tree.county.id,
        name: uniqueName(),
        level: 'grassroots',
        kind: 'guild',
        regionCode: '41010',
        formation: 'other',
        path: '1.2',
      });
      expect(res.statusCode).toBe(400);
      const paths = res.json().error.details.map((d: { path: string }) => d.path);
      expect(paths).toEqual(
        expect.arrayContaining(['body.kind', 'body.regionCode', 'body.formation', 'body.path']),
      );
    });
  });

  it('answers 409 naming the active sibling that has the name, and 404 for a parent out of scope', async () => {
    await expectNothingWritten(async () => {
      const taken = await post('/api/v1/orgs', {
        parentId: tree.county.id,
        name: tree.grassroots.name,
        level: 'grassroots',
        kind: 'regular',
        regionCode: '410105',
      });
      expect(taken.statusCode).toBe(409);
      expect(taken.json().error.code).toBe('ORG_NAME_TAKEN');
      expect(taken.json().error.meta).toEqual({
        existingOrgId: tree.grassroots.id,
        existingOrgName: tree.grassroots.name,
      });
      expect(taken.json().error.details[0].path).toBe('body.name');
      const outside = await post('/api/v1/orgs', {
        parentId: tree.otherCounty.id,
        name: uniqueName(),
        level: 'grassroots',
        kind: 'regular',
        regionCode: '410202',
      });
      expect(outside.statusCode).toBe(404);
      expect(outside.json().error.details[0].path).toBe('body.parentId');
    });
  });
});
