import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  buildOrgTree,
  buildStaffUser,
  memberToken,
  tokenFor,
  uniquePhone,
} from '../../test/factories.js';
import { createTestEnv, type TestEnv } from '../../test/harness.js';
import { publishedJob, recruiterFor } from '../../test/jobs.js';
import { type JobCardRow, runSearch, TOTAL_CAP } from './jobs.search.js';

// More matches than the total counts: the page then comes from the newest-first walk of the city,
// and must be the one sorting every match would give.
let env: TestEnv;
let worker: Record<string, string>;
const COPIES = TOTAL_CAP + 100;

beforeAll(async () => {
  env = await createTestEnv();
  const tree = await buildOrgTree(env);
  const recruiter = await recruiterFor(env, tree.grassroots, '郑州宇通重工有限公司');
  const province = bearer(await tokenFor(env, await buildStaffUser(env, { org: tree.province })));
  const welder = await publishedJob(env, recruiter, province);
  // Copies of the welder's job, one a minute back in time; every 50th pays 20,000.
  await env.ctx.db.execute(sql`insert into jobs (province_code, enterprise_id, org_id, title, category,
      salary_min, salary_max, region_code, requirements, headcount, valid_until, expires_at, description,
      search_text, search_bigrams, status, created_by, reviewed_by, submitted_at, published_at)
    select j.province_code, j.enterprise_id, j.org_id, j.title, j.category, j.salary_min,
      case when g % 50 = 0 then 20000 else j.salary_max end, j.region_code, j.requirements, j.headcount,
      j.valid_until, j.expires_at, j.description, j.search_text, j.search_bigrams, 'published', j.created_by,
      j.reviewed_by, j.submitted_at, j.published_at - g * interval '1 minute'
    from jobs j cross join generate_series(1, ${COPIES}) g where j.id = ${welder}`);
  worker = bearer(await memberToken(env, uniquePhone()));
});
afterAll(async () => env?.close());

const search = (query: string) =>
  env.app.inject({ method: 'GET', url: `/api/v1/job-board/jobs?${query}`, headers: worker });
const q = encodeURIComponent('焊工');

/** The page every open match sorted would give. */
async function expected(order: string, where: string, limit: number, offset: number): Promise<number[]> {
  const { rows } = (await env.ctx.db.execute(
    sql.raw(`select id from jobs where status = 'published' and ${where}
      order by ${order} limit ${limit} offset ${offset}`),
  )) as unknown as { rows: { id: number | string }[] };
  return rows.map((r) => Number(r.id));
}
const idsOf = (res: Awaited<ReturnType<typeof search>>) =>
  res.json().items.map((j: { id: number }) => j.id) as number[];

describe('the job search past the counted total', () => {
  it('counts up to the cap and pages a city newest first, as sorting every match would', async () => {
    const first = await search(`q=${q}&region=410100&pageSize=20`);
    expect(first.json()).toMatchObject({ total: TOTAL_CAP, totalCapped: true });
    expect(idsOf(first)).toEqual(await expected('published_at desc, id desc', `city_code = '4101'`, 20, 0));
    const third = await search(`q=${q}&region=410105&page=3&pageSize=20`);
    expect(idsOf(third)).toEqual(await expected('published_at desc, id desc', `city_code = '4101'`, 20, 40));
  });

  it('sorts the matches it counted when they are fewer than the cap', async () => {
    const res = await search(`q=${q}&region=410100&salary=15000&pageSize=10`);
    expect(res.json()).toMatchObject({ total: Math.floor(COPIES / 50), totalCapped: false });
    expect(idsOf(res)).toEqual(await expected('published_at desc, id desc', 'salary_max >= 15000', 10, 0));
  });

  it('sorts every match for the best paid first and for a whole province', async () => {
    const bySalary = await search(`q=${q}&region=410100&sort=salary&pageSize=5`);
    expect(bySalary.json().totalCapped).toBe(true);
    expect(idsOf(bySalary)).toEqual(await expected('salary_max desc, id desc', 'true', 5, 0));
    const province = await search(`q=${q}&region=410000&pageSize=5`);
    expect(idsOf(province)).toEqual(await expected('published_at desc, id desc', 'true', 5, 0));
  });
});

describe('running the statements', () => {
  const card = (id: number | null) => ({ id }) as unknown as JobCardRow;
  it('falls back to sorting every match when the walk runs out before the page', async () => {
    const ran: string[] = [];
    const result = await runSearch(
      { first: 'first', walk: 'walk', sorted: 'sorted', pageSize: 2 },
      async (s) => {
        ran.push(s);
        if (s === 'first') return { rows: [{ ...card(1), total: TOTAL_CAP + 1 }] };
        if (s === 'walk') return { rows: [card(2)] };
        return { rows: [card(3), card(4)] };
      },
    );
    expect(ran).toEqual(['first', 'walk', 'sorted']);
    expect(result).toEqual({ items: [{ id: 3 }, { id: 4 }], total: TOTAL_CAP, totalCapped: true });
  });
  it('answers from the first statement alone under the cap, an empty page included', async () => {
    const ran: string[] = [];
    const result = await runSearch(
      { first: 'first', walk: 'walk', sorted: 'sorted', pageSize: 2 },
      async (s) => {
        ran.push(s);
        return { rows: [{ ...card(null), total: 0 }] };
      },
    );
    expect(ran).toEqual(['first']);
    expect(result).toEqual({ items: [], total: 0, totalCapped: false });
  });
});
