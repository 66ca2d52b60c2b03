import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { expectAccessMatrix } from '../../test/access-matrix.js';
import { bearer, buildEnterprise, buildOrgTree, buildStaffUser, tokenFor } from '../../test/factories.js';
import { createTestEnv, type TestEnv } from '../../test/harness.js';
import { jobBody, publishedJob, recruiterFor } from '../../test/jobs.js';

let env: TestEnv;
let tree: Awaited<ReturnType<typeof buildOrgTree>>;
let county: Record<string, string>;
let otherCity: Record<string, string>;
let recruiter: Awaited<ReturnType<typeof recruiterFor>>;
let rival: Awaited<ReturnType<typeof recruiterFor>>;

beforeAll(async () => {
  env = await createTestEnv();
  tree = await buildOrgTree(env);
  recruiter = await recruiterFor(env, tree.grassroots, '郑州宇通重工有限公司');
  rival = await recruiterFor(env, tree.grassroots, '郑州绿城物业服务有限公司');
});
beforeEach(async () => {
  county = bearer(await tokenFor(env, await buildStaffUser(env, { org: tree.county, roles: ['staff'] })));
  otherCity = bearer(await tokenFor(env, await buildStaffUser(env, { org: tree.otherCity })));
  recruiter.headers = bearer(await tokenFor(env, recruiter.user));
  rival.headers = bearer(await tokenFor(env, rival.user));
});
afterAll(async () => env?.close());

const inject = (
  method: 'GET' | 'POST' | 'PATCH',
  url: string,
  headers: Record<string, string>,
  payload?: unknown,
) =>
  env.app.inject({
    method,
    url: `/api/v1${url}`,
    headers,
    ...(payload ? { payload: payload as object } : {}),
  });

describe('recruiter accounts', () => {
  it('are created by staff for an enterprise of their subtree, and land on the enterprise’s jobs', async () => {
    const enterprise = await buildEnterprise(env, { org: tree.grassroots, name: '河南中原物流有限公司' });
    const res = await inject('POST', '/jobs/recruiters', county, {
      enterpriseId: enterprise.id,
      username: 'zy_hr',
      displayName: '中原物流人事部',
      password: 'Zhongyuan-Wuliu-2026',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ enterpriseName: '河南中原物流有限公司', disabled: false });
    const hr = bearer(
      await tokenFor(env, {
        id: 0,
        username: 'zy_hr',
        password: 'Zhongyuan-Wuliu-2026',
        org: tree.grassroots,
      }),
    );
    const me = await inject('GET', '/enterprise-jobs/enterprise', hr);
    expect(me.json()).toMatchObject({ id: enterprise.id, name: '河南中原物流有限公司' });
    expect((await inject('GET', '/jobs', hr)).statusCode).toBe(403);
    const list = await inject('GET', `/jobs/recruiters?enterpriseId=${enterprise.id}`, county);
    expect(list.json().items.map((r: { username: string }) => r.username)).toEqual(['zy_hr']);
  });

  it('refuse an enterprise outside the subtree (404), and a taken username (409)', async () => {
    const far = await buildEnterprise(env, { org: tree.otherCounty });
    const outside = await inject('POST', '/jobs/recruiters', county, {
      enterpriseId: far.id,
      username: 'far_hr',
      displayName: '人事',
      password: 'Kaifeng-Longting-2026',
    });
    expect(outside.statusCode).toBe(404);
    const taken = await inject('POST', '/jobs/recruiters', county, {
      enterpriseId: recruiter.enterprise.id,
      username: recruiter.user.username,
      displayName: '人事',
      password: 'Zhongyuan-Wuliu-2026',
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.details[0].path).toBe('body.username');
  });

  it('pass the access matrix', async () => {
    const home = await buildEnterprise(env, { org: tree.grassroots });
    const away = await buildEnterprise(env, { org: tree.otherCounty });
    let n = 0;
    await expectAccessMatrix(env, {
      method: 'POST',
      url: () => '/api/v1/jobs/recruiters',
      payload: (target) => ({
        enterpriseId: target.id === tree.grassroots.id ? home.id : away.id,
        username: `matrix_hr_${++n}`,
        displayName: '人事',
        password: 'Matrix-Recruiter-2026',
      }),
      allowedRole: 'staff',
      deniedRole: 'viewer',
      home: tree.county,
      inScope: tree.grassroots,
      outOfScope: tree.otherCounty,
      successStatus: 201,
    });
  });
});

describe('postings', () => {
  it('are drafted, submitted, reviewed by the union above the enterprise and published', async () => {
    const created = await inject('POST', '/enterprise-jobs', recruiter.headers, jobBody());
    expect(created.statusCode, created.body).toBe(201);
    const job = created.json();
    expect(job).toMatchObject({
      status: 'draft',
      regionName: '郑州市金水区',
      allowedActions: ['edit', 'submit'],
    });
    const submitted = await inject('POST', `/enterprise-jobs/${job.id}/submit`, recruiter.headers);
    expect(submitted.json().status).toBe('submitted');
    const queue = await inject('GET', '/jobs?status=submitted', county);
    expect(queue.json().items.map((j: { id: number }) => j.id)).toContain(job.id);
    expect((await inject('POST', `/jobs/${job.id}/approve`, otherCity, {})).statusCode).toBe(404);
    const approved = await inject('POST', `/jobs/${job.id}/approve`, county, {});
    expect(approved.json()).toMatchObject({ status: 'published', allowedActions: ['close'] });
    const again = await inject('POST', `/jobs/${job.id}/approve`, county, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().error.meta).toEqual({ status: 'published', allowed: ['close'] });
  });

  it('refuse a salary minimum above the maximum, a past last day and an unknown region, naming the fields', async () => {
    const res = await inject(
      'POST',
      '/enterprise-jobs',
      recruiter.headers,
      jobBody({ salaryMin: 9000, salaryMax: 6000, validUntil: '2020-01-01', regionCode: '419999' }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { path: string }) => d.path)).toEqual([
      'body.salaryMin',
      'body.regionCode',
      'body.validUntil',
    ]);
    const badCategory = await inject('POST', '/enterprise-jobs', recruiter.headers, {
      ...jobBody(),
      category: '厨师',
    });
    expect(badCategory.statusCode).toBe(400);
  });

  it('of another enterprise are not found (404) for reading, editing and acting', async () => {
    const id = (await inject('POST', '/enterprise-jobs', recruiter.headers, jobBody())).json().id;
    expect((await inject('GET', `/enterprise-jobs/${id}`, rival.headers)).statusCode).toBe(404);
    expect(
      (await inject('PATCH', `/enterprise-jobs/${id}`, rival.headers, { title: '保安' })).statusCode,
    ).toBe(404);
    expect((await inject('POST', `/enterprise-jobs/${id}/submit`, rival.headers)).statusCode).toBe(404);
    const own = await inject('PATCH', `/enterprise-jobs/${id}`, recruiter.headers, { title: '二保焊工' });
    expect(own.json().title).toBe('二保焊工');
    const bad = await inject('PATCH', `/enterprise-jobs/${id}`, recruiter.headers, { salaryMin: 10000 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe('body.salaryMin');
  });

  it('rejected with a reason go back to the enterprise, which edits and resubmits', async () => {
    const id = (await inject('POST', '/enterprise-jobs', recruiter.headers, jobBody())).json().id;
    await inject('POST', `/enterprise-jobs/${id}/submit`, recruiter.headers);
    const noReason = await inject('POST', `/jobs/${id}/reject`, county, {});
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details[0].path).toBe('body.reason');
    const rejected = await inject('POST', `/jobs/${id}/reject`, county, { reason: '薪资描述不清' });
    expect(rejected.json()).toMatchObject({ status: 'rejected', rejectReason: '薪资描述不清' });
    expect(
      (await inject('PATCH', `/enterprise-jobs/${id}`, recruiter.headers, { salaryMax: 9500 })).statusCode,
    ).toBe(200);
    const resubmitted = await inject('POST', `/enterprise-jobs/${id}/submit`, recruiter.headers);
    expect(resubmitted.json()).toMatchObject({ status: 'submitted', rejectReason: null });
    const published = await inject('PATCH', `/enterprise-jobs/${id}`, recruiter.headers, { title: 'x改' });
    expect(published.statusCode).toBe(409);
  });

  it('read as expired after their last day', async () => {
    const id = await publishedJob(env, recruiter, county, { validUntil: '2099-01-01' });
    const saved = env.clock.now();
    env.clock.set(new Date('2099-01-02T00:00:00+08:00'));
    try {
      const later = bearer(
        await tokenFor(env, await buildStaffUser(env, { org: tree.county, roles: ['viewer'] })),
      );
      const job = await inject('GET', `/jobs/${id}`, later);
      expect(job.json()).toMatchObject({ status: 'expired', allowedActions: [] });
    } finally {
      env.clock.set(saved);
    }
  });

  it('pass the access matrix for review', async () => {
    const inside = (await inject('POST', '/enterprise-jobs', recruiter.headers, jobBody())).json().id;
    const far = await recruiterFor(env, tree.otherCounty);
    const outside = (
      await inject('POST', '/enterprise-jobs', far.headers, jobBody({ regionCode: '410202' }))
    ).json().id;
    await expectAccessMatrix(env, {
      method: 'GET',
      url: (target) => `/api/v1/jobs/${target.id === tree.grassroots.id ? inside : outside}`,
      allowedRole: 'viewer',
      deniedRole: 'card_verifier',
      home: tree.county,
      inScope: tree.grassroots,
      outOfScope: tree.otherCounty,
    });
  });
});
