import type { JobSearchQuery } from '@unionhub/contracts';
import { type SQL, sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import { regionRange } from './jobs.policy.js';
import { likePattern, searchQueryKeys } from './jobs.search-text.js';

/**
 * Beyond this many matches a worker refines the search (the app says "200 个以上"): counting them
 * reads each matched row, so the cap bounds what every search reads before its page.
 */
export const TOTAL_CAP = 200;

/**
 * How many of an area's newest open jobs the newest-first walk reads per job the page needs: a
 * search matching at least one in a hundred of the area's jobs finds its page within that; a
 * sparser one runs out and sorts its matches instead.
 */
const WALK_PER_ROW = 100;

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
 * keys and the area's key meet in one GIN index (`searchQueryKeys`: within a city the keys are
 * scoped to it, so each names only that city's jobs), so only jobs matching both are read; the
 * keyword is then checked as a substring and the area as its range of codes (a city finds its
 * counties); a wanted salary keeps the jobs whose range reaches it.
 */
export function searchConditions(query: JobSearchQuery, now: Date): SQL {
  const q = query.q?.trim();
  const keys = searchQueryKeys(q || undefined, query.region);
  return sql.join(
    [
      sql`j.status = 'published'`,
      ...(keys.length
        ? [
            sql`job_search_keys(j.search_bigrams, j.city_code) @> array[${sql.join(
              keys.map((k) => sql`${k}`),
              sql`, `,
            )}]::text[]`,
          ]
        : []),
      filters(query, now),
    ],
    sql` and `,
  );
}

/** The conditions a job's own columns answer: expiry, keyword substring, area, category, pay. */
function filters(query: JobSearchQuery, now: Date): SQL {
  const where: SQL[] = [sql`j.expires_at > ${now}`];
  const q = query.q?.trim();
  if (q) where.push(sql`j.search_text like ${likePattern(q)}`);
  if (query.region) {
    const range = regionRange(query.region);
    where.push(sql`j.region_code >= ${range.from} and j.region_code < ${range.to}`);
  }
  if (query.category) where.push(sql`j.category = ${query.category}`);
  if (query.salary !== undefined) where.push(sql`j.salary_max >= ${query.salary}`);
  return sql.join(where, sql` and `);
}

const CARD_COLUMNS = sql`j.id, j.title, j.category, e.name as enterprise_name, j.salary_min, j.salary_max,
  j.region_code, j.headcount, j.valid_until::text as valid_until, j.published_at`;

/**
 * The statements of one search. `first` reads the matches through the index, at most
 * TOTAL_CAP + 1 of them: their number is the capped total and, when not capped, the page is
 * sorted from them — one pass over the matched rows for both. With more matches, `walk` (newest
 * first within a city or county) reads the area's open jobs newest first through
 * `jobs_open_city_idx` and stops at the page, a bounded number of rows; else, or when the walk
 * runs out, `sorted` sorts every match (best paid first, or an area without a city).
 */
export function searchStatements(query: JobSearchQuery, now: Date) {
  const where = searchConditions(query, now);
  const bySalary = query.sort === 'salary';
  const order = bySalary ? sql`salary_max desc, id desc` : sql`published_at desc, id desc`;
  const jOrder = bySalary ? sql`j.salary_max desc, j.id desc` : sql`j.published_at desc, j.id desc`;
  const pageSize = query.pageSize ?? 20;
  const offset = ((query.page ?? 1) - 1) * pageSize;
  const cards = (ids: SQL) => sql`select ${CARD_COLUMNS}
    from (${ids}) top join jobs j on j.id = top.id join enterprises e on e.id = j.enterprise_id
    order by ${jOrder}`;

  const first = sql`with hits as materialized (
      select j.id, j.published_at, j.salary_max from jobs j where ${where} limit ${TOTAL_CAP + 1}),
    counted as (select count(*)::int as n from hits)
    select counted.n as total, page.* from counted left join lateral (
      ${cards(sql`select id from hits order by ${order} limit ${pageSize} offset ${offset}`)}) page on true`;

  const city = query.region && !query.region.endsWith('0000') ? query.region.slice(0, 4) : null;
  const walk =
    city && !bySalary
      ? cards(sql`select j.id from (
          select j.id, j.published_at, j.expires_at, j.search_text, j.region_code, j.category, j.salary_max
          from jobs j where j.status = 'published' and j.city_code = ${city}
          order by j.published_at desc, j.id desc limit ${(offset + pageSize) * WALK_PER_ROW}) j
        where ${filters(query, now)} order by j.published_at desc, j.id desc limit ${pageSize} offset ${offset}`)
      : null;

  const sorted = cards(
    sql`select j.id from jobs j where ${where} order by ${jOrder} limit ${pageSize} offset ${offset}`,
  );
  return { first, walk, sorted, pageSize };
}

/** The same statements as text and parameters, for running them outside drizzle (the bench's baseline). */
export function searchQueries(query: JobSearchQuery, now: Date) {
  const dialect = new PgDialect();
  const s = searchStatements(query, now);
  return {
    first: dialect.sqlToQuery(s.first),
    walk: s.walk && dialect.sqlToQuery(s.walk),
    sorted: dialect.sqlToQuery(s.sorted),
    pageSize: s.pageSize,
  };
}

type SearchRow = JobCardRow & { total?: number };
interface Statements<S> {
  first: S;
  walk: S | null;
  sorted: S;
  pageSize: number;
}
export interface SearchResult {
  items: JobCardRow[];
  total: number;
  totalCapped: boolean;
}

/** Runs a search's statements in turn; `run` is the database (the bench runs the same through pg). */
export async function runSearch<S>(
  statements: Statements<S>,
  run: (statement: S) => Promise<{ rows: SearchRow[] }>,
): Promise<SearchResult> {
  const { rows } = await run(statements.first);
  const n = Number(rows[0]?.total ?? 0);
  const capped = n > TOTAL_CAP;
  let items = rows.filter((r) => r.id !== null);
  if (capped) {
    items = statements.walk ? (await run(statements.walk)).rows : [];
    if (items.length < statements.pageSize) items = (await run(statements.sorted)).rows;
  }
  return {
    items: items.map(({ total: _, ...card }) => card),
    total: Math.min(n, TOTAL_CAP),
    totalCapped: capped,
  };
}

export function searchJobs(db: Db, query: JobSearchQuery, now: Date): Promise<SearchResult> {
  return runSearch(
    searchStatements(query, now),
    (statement) => db.execute(statement) as unknown as Promise<{ rows: SearchRow[] }>,
  );
}
