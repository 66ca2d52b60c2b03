import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import {
  bearer,
  buildOrg,
  buildOrgTree,
  buildStaffUser,
  tokenFor,
  validIdNumber,
} from '../../test/factories.js';
import { createTestEnv, type TestEnv } from '../../test/harness.js';
import { memberWithAccount, upload } from '../../test/service-hall.js';
import type { OrgRow } from '../orgs/index.js';

export let env: TestEnv;
export let tree: Awaited<ReturnType<typeof buildOrgTree>>;
export let otherGrassroots: OrgRow;
export let grassroots: Record<string, string>;
export let county: Record<string, string>;
export type Member = Awaited<ReturnType<typeof memberWithAccount>>;

export const staffAt = async (org: OrgRow, role: 'org_admin' | 'staff' | 'viewer' = 'staff') =>
  bearer(await tokenFor(env, await buildStaffUser(env, { org, roles: [role] })));

export async function apply(member: Member, overrides: Record<string, unknown> = {}) {
  const file = await upload(env, member.headers);
  return env.app.inject({
    method: 'POST',
    url: '/api/v1/me/assistance',
    headers: member.headers,
    payload: {
      kind: 'medical',
      amountRequestedFen: 300_000,
      reason: '爱人住院做手术，医药费负担重',
      household: [
        {
          name: member.name,
          relationship: 'self',
          idNumber: member.idNumber,
          health: 'healthy',
          jobStatus: 'employed',
        },
        {
          name: '王秀英',
          relationship: 'spouse',
          idNumber: validIdNumber({ gender: 'female' }),
          health: 'serious',
          jobStatus: 'unemployed',
        },
      ],
      incomePerPersonFen: 60_000,
      causes: ['illness'],
      bankName: '中国工商银行郑州金水支行',
      bankAccount: '6222021702001234567',
      attachments: [{ id: file.id }],
      ...overrides,
    },
  });
}

export async function applied(member?: Member, overrides: Record<string, unknown> = {}) {
  const m = member ?? (await memberWithAccount(env, tree.grassroots, { name: '刘春梅' }));
  const res = await apply(m, overrides);
  expect(res.statusCode, res.body).toBe(201);
  return { id: res.json().id as number, member: m };
}

export const act = (
  id: number,
  action: string,
  headers: Record<string, string>,
  payload: Record<string, unknown> = {},
) =>
  env.app.inject({
    method: 'POST',
    url: `/api/v1/assistance/applications/${id}/${action}`,
    headers,
    payload,
  });

export async function setBudget(
  org: OrgRow,
  kind: string,
  amountFen: number,
  headers?: Record<string, string>,
) {
  const res = await env.app.inject({
    method: 'PUT',
    url: '/api/v1/assistance/budgets',
    headers: headers ?? (await staffAt(org)),
    payload: { orgId: org.id, year: 2026, kind, amountFen },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

export function useAssistanceEnv() {
  beforeAll(async () => {
    env = await createTestEnv();
    env.clock.set(new Date('2026-03-02T02:00:00Z'));
    tree = await buildOrgTree(env);
    otherGrassroots = await buildOrg(env, {
      parent: tree.otherCounty,
      name: '开封龙亭纺织厂工会',
      regionCode: '410202',
    });
    await setBudget(tree.county, 'medical', 1_000_000);
    await setBudget(tree.county, 'education', 1_000_000);
  });
  beforeEach(async () => {
    grassroots = await staffAt(tree.grassroots);
    county = await staffAt(tree.county);
  });
  afterAll(async () => env?.close());
}
