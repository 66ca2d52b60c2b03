import type { JobSearchQuery } from '@unionhub/contracts';
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { regionRange } from './jobs.policy.js';
import { likePattern, regionQueryKey, searchBigrams } from './jobs.search-text.js';

/** Beyond this many matches a worker refines the search; counting further only costs time. */
export const TOTAL_CAP = 1000;

export interface JobCardRow {
  id: number;
  title: string;
  category: string;
  enterprise_name: string;
  salary_min: number;
  salary_max: number;
  region_code: string;
  headcount: number;
  valid_until: string;
  published_at: Date | string;
}

/**
 * The worker's search over open jobs (published, before their end). The keyword's two-character
 * keys and the area's key meet in one GIN index, so only jobs matching both are read; the keyword
 * is then checked as a substring and the area as its range of codes (a city finds its counties);
 * a wanted salary keeps the jobs whose range reaches it.
 */
export function searchConditions(query: JobSearchQuery, now: Date): SQL {
  const where: SQL[] = [sql`j.status = 'published'`, sql`j.expires_at > ${now}`];
  const q = query.q?.trim();
  const keys = [...(q ? searchBigrams(q) : []), ...(query.region ? [regionQueryKey(query.region)] : [])];
  if (keys.length)
    where.push(
      sql`j.search_bigrams @> array[${sql.join(
        keys.map((k) => sql`${k}`),
        sql`, `,
      )}]::text[]`,
    );
  if (q) where.push(sql`j.search_text like ${likePattern(q)}`);
  if (query.region) {
    const range = regionRange(query.region);
    where.push(sql`j.region_code >= ${range.from} and j.region_code < ${range.to}`);
  }
  if (query.category) where.push(sql`j.category = ${query.category}`);
  if (query.salary !== undefined) where.push(sql`j.salary_max >= ${query.salary}`);
  return sql.join(where, sql` and `);
}

export async function searchJobs(
  db: Db,
  query: JobSearchQuery,
  now: Date,
): Promise<{ items: JobCardRow[]; total: number; totalCapped: boolean }> {
  const where = searchConditions(query, now);
  const order =
    query.sort === 'salary' ? sql`j.salary_max desc, j.id desc` : sql`j.published_at desc, j.id desc`;
  const pageSize = query.pageSize ?? 20;
  const offset = ((query.page ?? 1) - 1) * pageSize;
  const [items, counted] = await Promise.all([
    // The page's ids first, then their columns and employers: joining every match first would
    // look up the employer of thousands of jobs to keep twenty.
    db.execute(sql`
      select j.id, j.title, j.category, e.name as enterprise_name, j.salary_min, j.salary_max,
             j.region_code, j.headcount, j.valid_until::text as valid_until, j.published_at
      from (select j.id from jobs j where ${where} order by ${order} limit ${pageSize} offset ${offset}) top
      join jobs j on j.id = top.id
      join enterprises e on e.id = j.enterprise_id
      order by ${order}`),
    db.execute(
      sql`select count(*)::int as n from (select 1 from jobs j where ${where} limit ${TOTAL_CAP + 1}) t`,
    ),
  ]);
  const n = Number((counted as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0);
  return {
    items: (items as unknown as { rows: JobCardRow[] }).rows,
    total: Math.min(n, TOTAL_CAP),
    totalCapped: n > TOTAL_CAP,
  };
}
