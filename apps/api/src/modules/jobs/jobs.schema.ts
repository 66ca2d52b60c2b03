import { sql } from 'drizzle-orm';
import {
  bigint,
  char,
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { bytea } from '../../db/types.js';
import { memberAccounts, staffUsers } from '../auth/auth.schema.js';
import { enterprises } from '../enterprises/enterprises.schema.js';
import { orgs } from '../orgs/orgs.schema.js';

/**
 * A job posted by an enterprise. `org_id` is the union that owned the enterprise when the job was
 * created: its staff (or those above) review the posting, and statistics count it there.
 * `search_bigrams` holds every two-character window of the title, the enterprise name and the
 * description and the area keys (written by the service), so a GIN index answers Chinese keywords
 * of two characters — the usual job words (焊工, 普工, 司机) — which a trigram index cannot.
 * The index holds `job_search_keys(search_bigrams, city_code)` (migration 0021): the stored keys
 * plus each window scoped to the job's city, so a keyword within a city reads only that city's
 * postings. `city_code` (the first four digits of the region) also leads the index that walks a
 * city's open jobs newest first.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    provinceCode: char('province_code', { length: 6 }).notNull(),
    enterpriseId: bigint('enterprise_id', { mode: 'number' })
      .notNull()
      .references(() => enterprises.id),
    orgId: bigint('org_id', { mode: 'number' })
      .notNull()
      .references(() => orgs.id),
    title: text('title').notNull(),
    category: text('category').notNull(),
    salaryMin: integer('salary_min').notNull(),
    salaryMax: integer('salary_max').notNull(),
    regionCode: char('region_code', { length: 6 }).notNull(),
    cityCode: char('city_code', { length: 4 }).generatedAlwaysAs(sql`substr(region_code, 1, 4)`),
    requirements: text('requirements').notNull(),
    headcount: integer('headcount').notNull(),
    validUntil: date('valid_until', { mode: 'string' }).notNull(),
    /** The end of the last valid day (China time): search compares it with the clock. */
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    description: text('description').notNull(),
    searchText: text('search_text').notNull(),
    searchBigrams: text('search_bigrams').array().notNull(),
    status: text('status').notNull(),
    rejectReason: text('reject_reason'),
    createdBy: bigint('created_by', { mode: 'number' })
      .notNull()
      .references(() => staffUsers.id),
    reviewedBy: bigint('reviewed_by', { mode: 'number' }).references(() => staffUsers.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('jobs_enterprise_idx').on(t.enterpriseId, t.id),
    index('jobs_org_status_idx').on(t.orgId, t.status, t.submittedAt),
    index('jobs_search_keys_gin')
      .using('gin', sql`job_search_keys(${t.searchBigrams}, ${t.cityCode})`)
      .where(sql`status = 'published'`),
    index('jobs_open_city_idx').on(t.cityCode, t.publishedAt, t.id).where(sql`status = 'published'`),
    index('jobs_open_published_idx').on(t.publishedAt).where(sql`status = 'published'`),
    check('jobs_status_check', sql`${t.status} in ('draft','submitted','published','rejected','closed')`),
    check('jobs_salary_check', sql`${t.salaryMin} <= ${t.salaryMax}`),
    check('jobs_headcount_check', sql`${t.headcount} > 0`),
  ],
);

/**
 * A worker's application. The phone is copied from the member's account, sealed, with a masked
 * form the enterprise sees until it invites the worker to an interview.
 */
export const jobApplications = pgTable(
  'job_applications',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    jobId: bigint('job_id', { mode: 'number' })
      .notNull()
      .references(() => jobs.id),
    accountId: bigint('account_id', { mode: 'number' })
      .notNull()
      .references(() => memberAccounts.id),
    name: text('name').notNull(),
    skills: text('skills').notNull(),
    experience: text('experience').notNull(),
    expectedSalary: integer('expected_salary'),
    phoneEnc: bytea('phone_enc').notNull(),
    phoneMasked: text('phone_masked').notNull(),
    stage: text('stage').notNull(),
    stageChangedAt: timestamp('stage_changed_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('job_applications_job_account_key').on(t.jobId, t.accountId),
    index('job_applications_account_idx').on(t.accountId, t.id),
    index('job_applications_job_stage_idx').on(t.jobId, t.stage),
    check(
      'job_applications_stage_check',
      sql`${t.stage} in ('applied','viewed','interview','hired','rejected')`,
    ),
  ],
);

/** 招聘会: an event a union holds, on site or online, with the enterprises taking part. */
export const jobFairs = pgTable(
  'job_fairs',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    orgId: bigint('org_id', { mode: 'number' })
      .notNull()
      .references(() => orgs.id),
    name: text('name').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    mode: text('mode').notNull(),
    place: text('place').notNull(),
    description: text('description').notNull(),
    createdBy: bigint('created_by', { mode: 'number' }).references(() => staffUsers.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('job_fairs_starts_idx').on(t.startsAt),
    index('job_fairs_org_idx').on(t.orgId),
    check('job_fairs_mode_check', sql`${t.mode} in ('onsite','online')`),
    check('job_fairs_time_check', sql`${t.startsAt} < ${t.endsAt}`),
  ],
);

export const jobFairEnterprises = pgTable(
  'job_fair_enterprises',
  {
    fairId: bigint('fair_id', { mode: 'number' })
      .notNull()
      .references(() => jobFairs.id),
    enterpriseId: bigint('enterprise_id', { mode: 'number' })
      .notNull()
      .references(() => enterprises.id),
    booth: text('booth'),
  },
  (t) => [primaryKey({ columns: [t.fairId, t.enterpriseId] })],
);

export const jobFairJobs = pgTable(
  'job_fair_jobs',
  {
    fairId: bigint('fair_id', { mode: 'number' })
      .notNull()
      .references(() => jobFairs.id),
    jobId: bigint('job_id', { mode: 'number' })
      .notNull()
      .references(() => jobs.id),
  },
  (t) => [primaryKey({ columns: [t.fairId, t.jobId] }), index('job_fair_jobs_job_idx').on(t.jobId)],
);
