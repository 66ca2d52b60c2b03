/** Shared setup of the lecture route tests: one database per test file, the same org tree in each. */
import type { Lecture } from '@unionhub/contracts';
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { bearer, buildOrg, buildOrgTree, buildStaffUser, tokenFor } from '../../test/factories.js';
import { createTestEnv, type TestEnv } from '../../test/harness.js';
import type { OrgRow } from '../orgs/index.js';

export const HOUR = 3600_000;
export const DAY = 24 * HOUR;
export let env: TestEnv;
export let tree: Awaited<ReturnType<typeof buildOrgTree>>;
export let otherGrassroots: OrgRow;
export let county: Record<string, string>;

export async function staffAt(org: OrgRow, role: 'org_admin' | 'staff' | 'viewer' = 'staff') {
  return bearer(await tokenFor(env, await buildStaffUser(env, { org, roles: [role] })));
}

export function lectureBody(org: OrgRow, overrides: Record<string, unknown> = {}) {
  const now = env.clock.now().getTime();
  return {
    orgId: org.id,
    title: '劳动合同法与工资权益保护',
    topic: '签订劳动合同要注意什么、拖欠工资怎么办',
    fields: ['contracts', 'wages'],
    speakerName: '王建国',
    speakerTitle: '河南中原律师事务所律师',
    mode: 'onsite',
    place: '金水区职工服务中心三楼报告厅',
    address: '郑州市金水区花园路 88 号',
    startsAt: new Date(now + 10 * DAY).toISOString(),
    endsAt: new Date(now + 10 * DAY + 2 * HOUR).toISOString(),
    capacity: 50,
    registrationDeadline: new Date(now + 9 * DAY).toISOString(),
    ...overrides,
  };
}

export async function published(org: OrgRow = tree.county, overrides: Record<string, unknown> = {}) {
  const headers = await staffAt(org);
  const res = await env.app.inject({
    method: 'POST',
    url: '/api/v1/lectures',
    headers,
    payload: lectureBody(org, overrides),
  });
  expect(res.statusCode, res.body).toBe(201);
  const pub = await env.app.inject({
    method: 'POST',
    url: `/api/v1/lectures/${res.json().id}/publish`,
    headers,
  });
  expect(pub.statusCode, pub.body).toBe(200);
  return pub.json() as Lecture;
}

export const register = (id: number, headers: Record<string, string>) =>
  env.app.inject({ method: 'POST', url: `/api/v1/me/lectures/${id}/registration`, headers });

export async function checkinToken(id: number) {
  const res = await env.app.inject({
    method: 'GET',
    url: `/api/v1/lectures/${id}/checkin-token`,
    headers: county,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { token: string; path: string; expiresAt: string };
}

export const checkin = (token: string, headers: Record<string, string>) =>
  env.app.inject({ method: 'POST', url: '/api/v1/me/lectures/checkin', headers, payload: { token } });

export function useLecturesEnv() {
  beforeAll(async () => {
    env = await createTestEnv();
    tree = await buildOrgTree(env);
    otherGrassroots = await buildOrg(env, { parent: tree.otherCounty, name: '开封龙亭纺织厂工会' });
  });
  beforeEach(async () => {
    county = await staffAt(tree.county);
  });
  afterAll(async () => env?.close());
}
