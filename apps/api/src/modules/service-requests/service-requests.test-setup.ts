/** Shared setup of the service request route tests: one database per test file, the same org tree and service in each. */
import type { Service } from '@unionhub/contracts';
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { bearer, buildOrg, buildOrgTree, buildStaffUser, tokenFor } from '../../test/factories.js';
import { createTestEnv, type TestEnv } from '../../test/harness.js';
import { buildService, memberWithAccount, upload } from '../../test/service-hall.js';
import type { OrgRow } from '../orgs/index.js';

export const DAY = 86_400_000;
export let env: TestEnv;
export let tree: Awaited<ReturnType<typeof buildOrgTree>>;
export let otherGrassroots: OrgRow;
export let service: Service;
export let county: Record<string, string>;

export async function staffAt(org: OrgRow, role: 'org_admin' | 'staff' | 'viewer' = 'staff') {
  return bearer(await tokenFor(env, await buildStaffUser(env, { org, roles: [role] })));
}

export type Member = Awaited<ReturnType<typeof memberWithAccount>>;

export async function submit(
  member: Member,
  overrides: Record<string, unknown> = {},
  headers: Record<string, string> = {},
) {
  const file = await upload(env, member.headers);
  return env.app.inject({
    method: 'POST',
    url: '/api/v1/me/service-requests',
    headers: { ...member.headers, ...headers },
    payload: {
      serviceId: service.id,
      data: { reason: '爱人住院，医药费负担重', amount: 3000, kind: '因病' },
      attachments: [{ id: file.id, slot: 'proof' }],
      ...overrides,
    },
  });
}

export async function filed(member?: Member) {
  const res = await submit(member ?? (await memberWithAccount(env, tree.grassroots)));
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number };
}

export const act = (
  id: number,
  action: string,
  headers: Record<string, string>,
  payload: Record<string, unknown> = {},
) => env.app.inject({ method: 'POST', url: `/api/v1/service-requests/${id}/${action}`, headers, payload });

export function useServiceRequestsEnv(): void {
  beforeAll(async () => {
    env = await createTestEnv();
    tree = await buildOrgTree(env);
    otherGrassroots = await buildOrg(env, {
      parent: tree.otherCounty,
      name: '开封龙亭纺织厂工会',
      regionCode: '410202',
    });
    service = await buildService(env, tree.city);
  });
  // Signing members in moves the clock a minute each time; a fresh staff session per test stays valid.
  beforeEach(async () => {
    county = await staffAt(tree.county);
  });
  afterAll(async () => env?.close());
}

/** A test that moves the clock far ahead signs the county staff in again. */
export function setCounty(headers: Record<string, string>): void {
  county = headers;
}
