/** Shared setup of the legal-aid tests: the org tree, a 法律援助申请 service, lawyers and a night roster. */
import type { Service } from '@unionhub/contracts';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { bearer, buildOrgTree, buildStaffUser, tokenFor } from '../../test/factories.js';
import { createTestEnv, type TestEnv } from '../../test/harness.js';
import { buildProvider, onDuty } from '../../test/legal.js';
import { buildService, type memberWithAccount, upload } from '../../test/service-hall.js';
import { services } from '../services/index.js';

export const HOUR = 3_600_000;
// 03:00 China time on a Thursday.
export const NIGHT = new Date('2026-12-02T19:00:00Z');

export let env: TestEnv;
export let tree: Awaited<ReturnType<typeof buildOrgTree>>;
export let service: Service;
export let county: Record<string, string>;
export let countyLawyer: Awaited<ReturnType<typeof buildProvider>>;
export let cityLawyer: Awaited<ReturnType<typeof buildProvider>>;
export let otherLawyer: Awaited<ReturnType<typeof buildProvider>>;
export type Member = Awaited<ReturnType<typeof memberWithAccount>>;

export const aidForm = {
  fields: [
    {
      key: 'disputeType',
      label: '争议类型',
      type: 'select' as const,
      required: true,
      options: ['劳动报酬', '劳动合同', '工伤', '社会保险', '解除劳动关系', '其他'],
    },
    { key: 'employer', label: '用人单位名称', type: 'text' as const, required: true, maxLength: 100 },
    { key: 'amount', label: '涉及金额（元）', type: 'number' as const, required: false, min: 0 },
    { key: 'arbitrated', label: '是否已申请劳动仲裁', type: 'boolean' as const, required: true },
    {
      key: 'lowIncome',
      label: '本人月收入是否低于当地最低工资标准的2倍',
      type: 'boolean' as const,
      required: true,
    },
    { key: 'story', label: '事情经过', type: 'textarea' as const, required: true, maxLength: 2000 },
  ],
};

export const aidData = (overrides: Record<string, unknown> = {}) => ({
  disputeType: '劳动报酬',
  employer: '郑州某物流有限公司',
  amount: 18600,
  arbitrated: false,
  lowIncome: true,
  story: '公司连续三个月未发工资，共拖欠 18600 元。',
  ...overrides,
});

export async function staffAt(
  org: Parameters<typeof buildStaffUser>[1]['org'],
  role: 'staff' | 'viewer' | 'org_admin' = 'staff',
) {
  return bearer(await tokenFor(env, await buildStaffUser(env, { org, roles: [role] })));
}

/** A member files a legal-aid request through the service hall. */
export async function fileAid(member: Member) {
  const file = await upload(env, member.headers, undefined, '工资条.png');
  const res = await env.app.inject({
    method: 'POST',
    url: '/api/v1/me/service-requests',
    headers: member.headers,
    payload: { serviceId: service.id, data: aidData(), attachments: [{ id: file.id, slot: 'evidence' }] },
  });
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as { id: number }).id;
}

export const act = (
  id: number,
  action: string,
  headers: Record<string, string>,
  payload: Record<string, unknown> = {},
) => env.app.inject({ method: 'POST', url: `/api/v1/service-requests/${id}/${action}`, headers, payload });

export const assign = (id: number, providerId: number, headers = county) =>
  env.app.inject({
    method: 'PUT',
    url: `/api/v1/legal-aid/cases/${id}/provider`,
    headers,
    payload: { providerId },
  });

/** A legal-aid request filed, accepted by the county and given to the county's lawyer. */
export async function assignedCase(member: Member) {
  const id = await fileAid(member);
  expect((await act(id, 'accept', county)).statusCode).toBe(200);
  const res = await assign(id, countyLawyer.provider.id);
  expect(res.statusCode, res.body).toBe(200);
  return id;
}

export function useLegalAidEnv(): void {
  beforeAll(async () => {
    env = await createTestEnv();
    env.clock.set(NIGHT);
    tree = await buildOrgTree(env);
    service = await buildService(env, tree.province, {
      name: '法律援助申请',
      category: 'rights',
      form: aidForm,
      attachments: [
        {
          key: 'evidence',
          label: '劳动合同、工资条、工伤认定书等',
          required: true,
          maxCount: 10,
          kinds: ['image', 'pdf'],
        },
      ],
      acceptWithinDays: 3,
      completeWithinDays: 60,
      handler: 'county',
    });
    await env.ctx.db.update(services).set({ requestType: 'legal_aid' }).where(eq(services.id, service.id));
    countyLawyer = await buildProvider(env, tree.county, { name: '吴律师' });
    cityLawyer = await buildProvider(env, tree.city, { name: '周律师' });
    otherLawyer = await buildProvider(env, tree.otherCity, { name: '郑律师' });
    await onDuty(env, tree.city, cityLawyer.provider.id, new Date(NIGHT.getTime() - 6 * HOUR), 48);
  });
  beforeEach(async () => {
    county = await staffAt(tree.county);
  });
  afterAll(async () => env?.close());
}
