import type { CreateJobBody } from '@unionhub/contracts';
import { eq } from 'drizzle-orm';
import { staffUsers } from '../modules/auth/index.js';
import type { OrgRow } from '../modules/orgs/index.js';
import { bearer, buildEnterprise, buildStaffUser, tokenFor } from './factories.js';
import type { TestEnv } from './harness.js';

/** An enterprise owned by `org` with a recruiter account, signed in. */
export async function recruiterFor(env: TestEnv, org: OrgRow, name?: string) {
  const enterprise = await buildEnterprise(env, { org, ...(name ? { name } : {}) });
  const user = await buildStaffUser(env, { org, roles: ['enterprise_recruiter'] });
  await env.ctx.db.update(staffUsers).set({ enterpriseId: enterprise.id }).where(eq(staffUsers.id, user.id));
  return { enterprise, user, headers: bearer(await tokenFor(env, user)) };
}

export const jobBody = (overrides: Partial<CreateJobBody> = {}): CreateJobBody => ({
  title: '电焊工',
  category: 'skilled',
  salaryMin: 6000,
  salaryMax: 9000,
  regionCode: '410105',
  requirements: '持焊工证，两年以上经验',
  headcount: 5,
  validUntil: '2099-12-31',
  description: '负责钢结构焊接，包吃住，五险一金',
  ...overrides,
});

/** Drafts, submits and approves a job: it is open to workers. */
export async function publishedJob(
  env: TestEnv,
  recruiter: { headers: Record<string, string> },
  reviewer: Record<string, string>,
  overrides: Partial<CreateJobBody> = {},
): Promise<number> {
  const created = await env.app.inject({
    method: 'POST',
    url: '/api/v1/enterprise-jobs',
    headers: recruiter.headers,
    payload: jobBody(overrides),
  });
  if (created.statusCode !== 201) throw new Error(`job: ${created.body}`);
  const id = created.json().id as number;
  await env.app.inject({
    method: 'POST',
    url: `/api/v1/enterprise-jobs/${id}/submit`,
    headers: recruiter.headers,
  });
  const approved = await env.app.inject({
    method: 'POST',
    url: `/api/v1/jobs/${id}/approve`,
    headers: reviewer,
    payload: {},
  });
  if (approved.statusCode !== 200) throw new Error(`approve: ${approved.body}`);
  return id;
}
