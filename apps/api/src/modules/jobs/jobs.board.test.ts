import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { expectAccessMatrix } from '../../test/access-matrix.js';
import {
  bearer,
  buildOrg,
  buildOrgTree,
  buildStaffUser,
  memberToken,
  tokenFor,
  uniquePhone,
} from '../../test/factories.js';
import { createTestEnv, type TestEnv } from '../../test/harness.js';
import { publishedJob, recruiterFor } from '../../test/jobs.js';

let env: TestEnv;
let tree: Awaited<ReturnType<typeof buildOrgTree>>;
let city: Record<string, string>;
let recruiter: Awaited<ReturnType<typeof recruiterFor>>;
let kaifeng: Awaited<ReturnType<typeof recruiterFor>>;
let worker: Record<string, string>;
let welder: number;
let cook: number;
let kaifengWelder: number;

beforeAll(async () => {
  env = await createTestEnv();
  tree = await buildOrgTree(env);
  recruiter = await recruiterFor(env, tree.grassroots, '郑州宇通重工有限公司');
  const kaifengUnion = await buildOrg(env, {
    parent: tree.otherCounty,
    name: '开封龙亭纺织厂工会',
    regionCode: '410202',
  });
  kaifeng = await recruiterFor(env, kaifengUnion, '开封龙亭纺织有限公司');
  const province = bearer(await tokenFor(env, await buildStaffUser(env, { org: tree.province })));
  welder = await publishedJob(env, recruiter, province);
  cook = await publishedJob(env, recruiter, province, {
    title: '食堂厨师',
    category: 'catering',
    salaryMin: 4000,
    salaryMax: 5000,
    description: '负责员工食堂早午餐，会做河南烩面优先',
  });
  kaifengWelder = await publishedJob(env, kaifeng, province, {
    title: '氩弧焊工',
    regionCode: '410202',
    salaryMin: 5000,
    salaryMax: 7000,
  });
  worker = bearer(await memberToken(env, uniquePhone()));
});
beforeEach(async () => {
  city = bearer(await tokenFor(env, await buildStaffUser(env, { org: tree.city })));
  recruiter.headers = bearer(await tokenFor(env, recruiter.user));
});
afterAll(async () => env?.close());

const inject = (method: 'GET' | 'POST', url: string, headers: Record<string, string>, payload?: unknown) =>
  env.app.inject({
    method,
    url: `/api/v1${url}`,
    headers,
    ...(payload ? { payload: payload as object } : {}),
  });
const ids = (res: { json(): { items: { id: number }[] } }) =>
  res
    .json()
    .items.map((j) => j.id)
    .sort();

describe('the job search', () => {
  it('finds jobs by a Chinese keyword in the title, the enterprise or the description', async () => {
    expect(ids(await inject('GET', `/job-board/jobs?q=${encodeURIComponent('焊工')}`, worker))).toEqual(
      [welder, kaifengWelder].sort(),
    );
    expect(ids(await inject('GET', `/job-board/jobs?q=${encodeURIComponent('宇通')}`, worker))).toEqual(
      [welder, cook].sort(),
    );
    expect(ids(await inject('GET', `/job-board/jobs?q=${encodeURIComponent('烩面')}`, worker))).toEqual([
      cook,
    ]);
    expect(ids(await inject('GET', `/job-board/jobs?q=${encodeURIComponent('焊')}`, worker))).toEqual(
      [welder, kaifengWelder].sort(),
    );
    expect(ids(await inject('GET', `/job-board/jobs?q=${encodeURIComponent('焊接厨')}`, worker))).toEqual([]);
  });

  it('narrows by region (a city finds its counties), category and wanted salary, and sorts by pay', async () => {
    expect(ids(await inject('GET', '/job-board/jobs?region=410100', worker))).toEqual([welder, cook].sort());
    expect(ids(await inject('GET', '/job-board/jobs?region=410000&category=skilled', worker))).toEqual(
      [welder, kaifengWelder].sort(),
    );
    expect(ids(await inject('GET', '/job-board/jobs?salary=7500', worker))).toEqual([welder]);
    const bySalary = await inject('GET', '/job-board/jobs?sort=salary', worker);
    expect(bySalary.json().items.map((j: { id: number }) => j.id)).toEqual([welder, kaifengWelder, cook]);
    expect(bySalary.json()).toMatchObject({ total: 3, totalCapped: false });
    const bad = await inject('GET', '/job-board/jobs?region=41&category=厨师', worker);
    expect(bad.statusCode).toBe(400);
  });

  it('shows only published jobs before their last day', async () => {
    const draft = await inject('POST', '/enterprise-jobs', recruiter.headers, {
      title: '电焊学徒',
      category: 'skilled',
      salaryMin: 3000,
      salaryMax: 4000,
      regionCode: '410105',
      requirements: '',
      headcount: 2,
      validUntil: '2099-12-31',
      description: '',
    });
    expect(ids(await inject('GET', `/job-board/jobs?q=${encodeURIComponent('学徒')}`, worker))).toEqual([]);
    expect((await inject('GET', `/job-board/jobs/${draft.json().id}`, worker)).statusCode).toBe(404);
    expect((await inject('GET', '/job-board/jobs', city)).statusCode).toBe(403);
  });
});

describe('applications', () => {
  it('are made once per job, followed by the worker and moved by the enterprise to hired', async () => {
    const phone = uniquePhone();
    const me = bearer(await memberToken(env, phone));
    const profile = {
      name: '李建国',
      skills: '二保焊、氩弧焊',
      experience: '在富士康焊接车间六年',
      expectedSalary: 8000,
    };
    const applied = await inject('POST', `/job-board/jobs/${welder}/apply`, me, profile);
    expect(applied.statusCode, applied.body).toBe(201);
    const id = applied.json().id;
    expect((await inject('POST', `/job-board/jobs/${welder}/apply`, me, profile)).statusCode).toBe(409);
    expect((await inject('GET', `/job-board/jobs/${welder}`, me)).json().applied).toBe('applied');

    const list = await inject('GET', `/enterprise-jobs/${welder}/applications`, recruiter.headers);
    expect(list.json().items[0]).toMatchObject({
      name: '李建国',
      phone: `${phone.slice(0, 3)}****${phone.slice(-4)}`,
      phoneFull: false,
    });
    const viewed = await inject('POST', `/job-applications/${id}/view`, recruiter.headers);
    expect(viewed.json()).toMatchObject({
      stage: 'viewed',
      phoneFull: false,
      allowedActions: ['interview', 'reject'],
    });
    const bad = await inject('POST', `/job-applications/${id}/hire`, recruiter.headers);
    expect(bad.statusCode).toBe(409);
    expect(bad.json().error.meta).toEqual({ stage: 'viewed', allowed: ['interview', 'reject'] });
    const interview = await inject('POST', `/job-applications/${id}/interview`, recruiter.headers);
    expect(interview.json()).toMatchObject({ stage: 'interview', phone, phoneFull: true });
    const hired = await inject('POST', `/job-applications/${id}/hire`, recruiter.headers);
    expect(hired.json()).toMatchObject({ stage: 'hired', allowedActions: [] });

    const mine = await inject('GET', '/me/job-applications', me);
    expect(mine.json().items[0]).toMatchObject({
      jobTitle: '电焊工',
      stage: 'hired',
      enterpriseName: '郑州宇通重工有限公司',
    });
    const inbox = await inject('GET', '/me/notifications', me);
    expect(inbox.json().items.map((n: { kind: string }) => n.kind)).toEqual([
      'job_application.hired',
      'job_application.interview',
      'job_application.viewed',
    ]);
  });

  it('of another enterprise are not found, and a closed job takes no more', async () => {
    const applied = await inject('POST', `/job-board/jobs/${kaifengWelder}/apply`, worker, {
      name: '王强',
      skills: '焊工',
      experience: '三年',
    });
    const id = applied.json().id;
    expect((await inject('GET', `/job-applications/${id}`, recruiter.headers)).statusCode).toBe(404);
    expect((await inject('POST', `/job-applications/${id}/view`, recruiter.headers)).statusCode).toBe(404);
    expect(
      (await inject('GET', `/enterprise-jobs/${kaifengWelder}/applications`, recruiter.headers)).statusCode,
    ).toBe(404);
    const closed = await inject('POST', `/enterprise-jobs/${cook}/close`, recruiter.headers);
    expect(closed.json().status).toBe('closed');
    const late = await inject('POST', `/job-board/jobs/${cook}/apply`, worker, {
      name: '王强',
      skills: '',
      experience: '',
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('JOB_NOT_OPEN');
  });
});

describe('job fairs', () => {
  it('are held by a union with its enterprises’ open jobs, and browsed by workers', async () => {
    const body = {
      orgId: tree.city.id,
      name: '2026 年郑州市春风行动招聘会',
      startsAt: '2099-03-01T01:00:00Z',
      endsAt: '2099-03-01T08:00:00Z',
      mode: 'onsite',
      place: '郑州国际会展中心',
      description: '',
      enterprises: [{ enterpriseId: recruiter.enterprise.id, booth: 'A01', jobIds: [welder] }],
    };
    const bad = await inject('POST', '/job-fairs', city, {
      ...body,
      enterprises: [{ enterpriseId: recruiter.enterprise.id, jobIds: [kaifengWelder] }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe('body.enterprises.0.jobIds.0');
    const created = await inject('POST', '/job-fairs', city, body);
    expect(created.statusCode, created.body).toBe(201);
    const fair = await inject('GET', `/job-board/fairs/${created.json().id}`, worker);
    expect(fair.json()).toMatchObject({ name: body.name, enterprises: 1, jobs: 1 });
    expect(fair.json().participants[0]).toMatchObject({
      booth: 'A01',
      jobs: [{ id: welder, title: '电焊工' }],
    });
    expect((await inject('GET', '/job-board/fairs?upcoming=true', worker)).json().total).toBe(1);
  });
});

describe('statistics', () => {
  it('count jobs posted, open positions, applications and hires per category and union below', async () => {
    const res = await inject(
      'GET',
      `/jobs/stats?orgId=${tree.province.id}`,
      bearer(await tokenFor(env, await buildStaffUser(env, { org: tree.province }))),
    );
    expect(res.statusCode, res.body).toBe(200);
    const stats = res.json();
    expect(stats.totals.posted).toBeGreaterThanOrEqual(3);
    expect(stats.totals.hires).toBe(1);
    expect(stats.byCategory.find((c: { category: string }) => c.category === 'skilled').openPositions).toBe(
      10,
    );
    expect(stats.byOrg.map((o: { orgName: string }) => o.orgName).sort()).toEqual([
      '开封市总工会',
      '郑州市总工会',
    ]);
    const xlsx = await inject('GET', '/jobs/stats.xlsx', city);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const viewer = bearer(
      await tokenFor(env, await buildStaffUser(env, { org: tree.city, roles: ['viewer'] })),
    );
    expect((await inject('GET', '/jobs/stats', viewer)).statusCode).toBe(403);
  });

  it('pass the access matrix', async () => {
    await expectAccessMatrix(env, {
      method: 'GET',
      url: (target) => `/api/v1/jobs/stats?orgId=${target.id}`,
      allowedRole: 'staff',
      deniedRole: 'viewer',
      home: tree.city,
      inScope: tree.county,
      outOfScope: tree.otherCity,
    });
  });
});
