import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, buildOrg, buildOrgTree, buildStaffUser, tokenFor } from '../../test/factories.js';
import { createTestEnv, type TestEnv } from '../../test/harness.js';
import { buildProvider, onDuty } from '../../test/legal.js';
import { memberWithAccount } from '../../test/service-hall.js';
import type { OrgRow } from '../orgs/index.js';
import { runConsultationTimeouts } from './consultations.timeouts.js';

const HOUR = 3_600_000;
const MINUTE = 60_000;
let env: TestEnv;
let tree: Awaited<ReturnType<typeof buildOrgTree>>;
let union: OrgRow;
const START = new Date('2026-12-03T02:00:00Z'); // 10:00 China time

beforeAll(async () => {
  env = await createTestEnv();
  env.clock.set(START);
  tree = await buildOrgTree(env);
  union = await buildOrg(env, {
    parent: tree.otherCounty,
    name: '开封市第一人民医院工会',
    regionCode: '410202',
  });
});
afterAll(async () => env?.close());

const detail = async (id: number, headers: Record<string, string>) =>
  (await env.app.inject({ method: 'GET', url: `/api/v1/me/legal/consultations/${id}`, headers })).json();

describe('runConsultationTimeouts', () => {
  it('moves an unpicked question to the next lawyer on duty, then lets it wait, then finds a new lawyer', async () => {
    const admin = bearer(
      await tokenFor(env, await buildStaffUser(env, { org: tree.otherCity, roles: ['org_admin'] })),
    );
    const settings = await env.app.inject({
      method: 'PUT',
      url: `/api/v1/legal/settings/${tree.otherCity.id}`,
      headers: admin,
      payload: { pickupTimeoutMinutes: 5 },
    });
    expect(settings.statusCode, settings.body).toBe(200);
    const first = await buildProvider(env, tree.otherCity, { name: '冯律师' });
    const second = await buildProvider(env, tree.otherCity, { name: '褚律师' });
    await onDuty(env, tree.otherCity, first.provider.id, new Date(START.getTime() - HOUR), 8);
    await onDuty(env, tree.otherCity, second.provider.id, new Date(START.getTime() - 30 * MINUTE), 8);

    const member = await memberWithAccount(env, union);
    const asked = await env.app.inject({
      method: 'POST',
      url: '/api/v1/me/legal/consultations',
      headers: member.headers,
      payload: { field: 'dismissal', text: '医院没有任何理由让我明天不用来上班了，这合法吗？' },
    });
    expect(asked.json()).toMatchObject({ state: 'assigned', lawyer: { name: '冯律师' } });
    const id = asked.json().id as number;

    // Not due yet: nothing moves.
    expect(await runConsultationTimeouts(env.ctx)).toBe(0);
    env.clock.advance(6 * MINUTE);
    expect(await runConsultationTimeouts(env.ctx)).toBe(1);
    expect(await detail(id, member.headers)).toMatchObject({ state: 'assigned', lawyer: { name: '褚律师' } });
    const firstSees = await env.app.inject({
      method: 'GET',
      url: `/api/v1/legal/workspace/consultations/${id}`,
      headers: await first.headers(),
    });
    expect(firstSees.statusCode).toBe(404);

    // The second lets it time out too: nobody else is on duty, so it waits at the city.
    env.clock.advance(6 * MINUTE);
    expect(await runConsultationTimeouts(env.ctx)).toBe(1);
    const waiting = await detail(id, member.headers);
    expect(waiting).toMatchObject({ state: 'waiting', lawyer: null, org: { name: '开封市总工会' } });
    expect(waiting.events.map((e: { action: string }) => e.action)).toEqual([
      'ask',
      'assign',
      'timeout',
      'assign',
      'timeout',
      'wait',
    ]);
    expect(await runConsultationTimeouts(env.ctx)).toBe(0);

    // A third lawyer comes on duty: the waiting question goes to them at the next pass.
    const third = await buildProvider(env, tree.otherCity, { name: '卫律师' });
    await onDuty(env, tree.otherCity, third.provider.id, env.clock.now(), 4);
    env.clock.advance(MINUTE);
    expect(await runConsultationTimeouts(env.ctx)).toBe(1);
    expect(await detail(id, member.headers)).toMatchObject({ state: 'assigned', lawyer: { name: '卫律师' } });

    const lawyerNotices = await env.app.inject({
      method: 'GET',
      url: '/api/v1/me/notifications',
      headers: await second.headers(),
    });
    expect(lawyerNotices.json().items.map((n: { title: string }) => n.title)).toEqual([
      '咨询已超时转出',
      '新的法律咨询',
    ]);
    const memberNotices = await env.app.inject({
      method: 'GET',
      url: '/api/v1/me/notifications',
      headers: member.headers,
    });
    const titles = memberNotices.json().items.map((n: { title: string }) => n.title);
    expect(titles).toContain('您的咨询已转给其他律师');
    expect(titles).toContain('您的咨询正在安排律师');
  });

  it('refuses a pick-up time outside 1–1440 minutes and another subtree’s settings', async () => {
    const admin = bearer(
      await tokenFor(env, await buildStaffUser(env, { org: tree.city, roles: ['org_admin'] })),
    );
    const bad = await env.app.inject({
      method: 'PUT',
      url: `/api/v1/legal/settings/${tree.city.id}`,
      headers: admin,
      payload: { pickupTimeoutMinutes: 0 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe('body.pickupTimeoutMinutes');
    const other = await env.app.inject({
      method: 'GET',
      url: `/api/v1/legal/settings/${tree.otherCity.id}`,
      headers: admin,
    });
    expect(other.statusCode).toBe(404);
    const own = await env.app.inject({
      method: 'GET',
      url: `/api/v1/legal/settings/${tree.county.id}`,
      headers: admin,
    });
    expect(own.json()).toEqual({ orgId: tree.county.id, pickupTimeoutMinutes: 15 });
  });
});
