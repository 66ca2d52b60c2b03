import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { expectAccessMatrix } from '../../test/access-matrix.js';
import { auditLog } from '../audit/index.js';
import type { OrgRow } from '../orgs/index.js';
import {
  county,
  env,
  grassroots,
  otherGrassroots,
  staffAt,
  tree,
  useAssistanceEnv,
} from './assistance.test-setup.js';

useAssistanceEnv();

const medical = (org: OrgRow, overrides: Record<string, unknown> = {}) => ({
  orgId: org.id,
  kind: 'medical',
  levels: [{ level: 'grassroots' }, { level: 'county', aboveFen: 100_000 }],
  yearlyLimitFen: 1_500_000,
  noticeDays: 3,
  payingLevel: null,
  reviewDays: 4,
  ...overrides,
});

const put = (headers: Record<string, string>, payload: Record<string, unknown>) =>
  env.app.inject({ method: 'PUT', url: '/api/v1/assistance/configs', headers, payload });
const list = async (org: OrgRow, headers: Record<string, string>) => {
  const res = await env.app.inject({
    method: 'GET',
    url: `/api/v1/assistance/configs?orgId=${org.id}`,
    headers,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as { kind: string; source: { id: number } | null; inherited: unknown }[];
};
const kindOf = (items: { kind: string }[], kind: string) => items.find((c) => c.kind === kind)!;

describe('review configuration per kind', () => {
  it('shows the defaults, then a county’s own values with what it would inherit, then the inherited ones again', async () => {
    const before = await list(tree.grassroots, grassroots);
    expect(before).toHaveLength(4);
    expect(kindOf(before, 'medical')).toMatchObject({
      source: null,
      inherited: null,
      yearlyLimitFen: 2_000_000,
    });

    const res = await put(county, medical(tree.county));
    expect(res.statusCode, res.body).toBe(200);
    expect(kindOf(res.json().items, 'medical')).toMatchObject({
      source: { id: tree.county.id, name: tree.county.name },
      yearlyLimitFen: 1_500_000,
      levels: [{ level: 'grassroots' }, { level: 'county', aboveFen: 100_000 }],
      inherited: { source: null, yearlyLimitFen: 2_000_000 },
    });
    // Below the county the county's values apply, inherited from it (nothing of the union's own).
    expect(kindOf(await list(tree.grassroots, grassroots), 'medical')).toMatchObject({
      source: { id: tree.county.id },
      noticeDays: 3,
      inherited: null,
    });

    const reset = await env.app.inject({
      method: 'DELETE',
      url: `/api/v1/assistance/configs?orgId=${tree.county.id}&kind=medical`,
      headers: county,
    });
    expect(reset.statusCode, reset.body).toBe(200);
    expect(kindOf(reset.json().items, 'medical')).toMatchObject({ source: null, inherited: null });
    const audit = await env.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'assistance.config.reset'), eq(auditLog.orgId, tree.county.id)));
    expect(audit).toHaveLength(1);

    const again = await env.app.inject({
      method: 'DELETE',
      url: `/api/v1/assistance/configs?orgId=${tree.county.id}&kind=medical`,
      headers: county,
    });
    expect(again.statusCode).toBe(404);
  });

  it('names the field and the rule of every broken rule, and writes nothing', async () => {
    const city = await staffAt(tree.city);
    const res = await put(
      city,
      medical(tree.city, {
        levels: [
          { level: 'grassroots', aboveFen: 10_000 },
          { level: 'county', aboveFen: 500_000 },
          { level: 'city', aboveFen: 200_000 },
        ],
        payingLevel: 'province',
      }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { path: string; rule: string }) => [d.path, d.rule])).toEqual([
      ['body.levels.0.aboveFen', 'assistance.first_level_threshold'],
      ['body.levels.2.aboveFen', 'assistance.thresholds_order'],
      ['body.payingLevel', 'assistance.paying_level'],
    ]);

    const above = await put(
      county,
      medical(tree.county, { levels: [{ level: 'grassroots' }, { level: 'city' }] }),
    );
    expect(above.statusCode).toBe(400);
    expect(above.json().error.details[0]).toMatchObject({
      path: 'body.levels.1.level',
      rule: 'assistance.level_above_union',
    });

    const fromGrassroots = await put(
      grassroots,
      medical(tree.grassroots, { levels: [{ level: 'grassroots' }] }),
    );
    expect(fromGrassroots.statusCode).toBe(400);
    expect(fromGrassroots.json().error.details[0]).toMatchObject({
      path: 'body.orgId',
      rule: 'assistance.config_union_level',
    });

    const schema = await put(county, medical(tree.county, { yearlyLimitFen: 0, noticeDays: 31 }));
    expect(schema.statusCode).toBe(400);
    expect(
      schema
        .json()
        .error.details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual(['body.noticeDays', 'body.yearlyLimitFen']);

    expect(kindOf(await list(tree.county, county), 'medical')).toMatchObject({ source: null });
  });

  it('answers 400 naming the field to a reset of an unknown kind', async () => {
    const res = await env.app.inject({
      method: 'DELETE',
      url: `/api/v1/assistance/configs?orgId=${tree.county.id}&kind=housing`,
      headers: county,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('querystring.kind');
  });

  it('keeps each route to its permission and subtree', async () => {
    await expectAccessMatrix(env, {
      method: 'GET',
      url: (t) => `/api/v1/assistance/configs?orgId=${t.id}`,
      allowedRole: 'viewer',
      deniedRole: 'card_verifier',
      home: tree.county,
      inScope: tree.grassroots,
      outOfScope: otherGrassroots,
    });
    await expectAccessMatrix(env, {
      method: 'PUT',
      url: () => '/api/v1/assistance/configs',
      payload: (t) => medical(t, { kind: 'emergency' }),
      allowedRole: 'staff',
      deniedRole: 'viewer',
      home: tree.city,
      inScope: tree.county,
      outOfScope: tree.otherCounty,
    });
    await expectAccessMatrix(env, {
      method: 'DELETE',
      url: (t) => `/api/v1/assistance/configs?orgId=${t.id}&kind=emergency`,
      allowedRole: 'staff',
      deniedRole: 'viewer',
      home: tree.city,
      inScope: tree.county,
      outOfScope: tree.otherCounty,
    });
  });
});
