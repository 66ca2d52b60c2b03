import type { JobFairBody, JobFairQuery } from '@unionhub/contracts';
import { and, count, desc, eq, gt, inArray, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { inTransaction } from '../../db/tx.js';
import { pathInScope } from '../../platform/access.js';
import type { StaffActor } from '../../platform/actor.js';
import type { AppContext, RequestMeta } from '../../platform/context.js';
import { validationError } from '../../platform/errors.js';
import { recordAudit } from '../audit/index.js';
import { enterprises } from '../enterprises/index.js';
import { getOrgInScope, orgs } from '../orgs/index.js';
import { fairNotFound } from './jobs.errors.js';
import * as repo from './jobs.repository.js';
import { jobFairEnterprises, jobFairJobs, jobFairs, jobs } from './jobs.schema.js';
import { effectiveStatus } from './jobs.service.js';

/**
 * A union holds a job fair with enterprises of its subtree, each bringing some of its published
 * jobs. Every enterprise and job is checked; problems name their place in the body.
 */
export async function createFair(ctx: AppContext, actor: StaffActor, body: JobFairBody, meta: RequestMeta) {
  const org = await getOrgInScope(ctx.db, actor, body.orgId, 'body.orgId');
  const problems = [];
  if (Date.parse(body.endsAt) <= Date.parse(body.startsAt))
    problems.push({ path: 'body.endsAt', message: 'must be after startsAt', rule: 'job_fair.time_order' });
  const now = ctx.clock.now();
  for (const [i, p] of body.enterprises.entries()) {
    const enterprise = await repo.findEnterpriseWithOrg(ctx.db, p.enterpriseId);
    if (!enterprise || !pathInScope(actor, enterprise.ownerPath)) {
      problems.push({
        path: `body.enterprises.${i}.enterpriseId`,
        message: 'no such enterprise in your unions',
      });
      continue;
    }
    for (const [k, jobId] of p.jobIds.entries()) {
      const job = await repo.findJobView(ctx.db, jobId);
      if (!job || job.enterpriseId !== p.enterpriseId || effectiveStatus(job, now) !== 'published')
        problems.push({
          path: `body.enterprises.${i}.jobIds.${k}`,
          message: `job ${jobId} is not an open job of this enterprise`,
          rule: 'job_fair.open_job',
        });
    }
  }
  if (problems.length) throw validationError(problems, '请检查标出的招聘会信息');
  return inTransaction(ctx.db, async (tx) => {
    const [row] = await tx
      .insert(jobFairs)
      .values({
        orgId: org.id,
        name: body.name,
        startsAt: new Date(body.startsAt),
        endsAt: new Date(body.endsAt),
        mode: body.mode,
        place: body.place,
        description: body.description,
        createdBy: actor.id,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: jobFairs.id });
    const id = row!.id;
    if (body.enterprises.length)
      await tx
        .insert(jobFairEnterprises)
        .values(
          body.enterprises.map((p) => ({ fairId: id, enterpriseId: p.enterpriseId, booth: p.booth ?? null })),
        );
    const jobIds = [...new Set(body.enterprises.flatMap((p) => p.jobIds))];
    if (jobIds.length) await tx.insert(jobFairJobs).values(jobIds.map((jobId) => ({ fairId: id, jobId })));
    await recordAudit(tx, {
      actor,
      action: 'job_fair.create',
      orgId: org.id,
      targetType: 'job_fair',
      targetId: id,
      details: { name: body.name },
      meta,
    });
    return id;
  });
}

const summary = {
  id: jobFairs.id,
  orgId: jobFairs.orgId,
  orgName: orgs.name,
  orgPath: orgs.path,
  name: jobFairs.name,
  startsAt: jobFairs.startsAt,
  endsAt: jobFairs.endsAt,
  mode: jobFairs.mode,
  place: jobFairs.place,
  description: jobFairs.description,
  enterprises: sql<number>`(select count(*)::int from job_fair_enterprises x where x.fair_id = ${jobFairs.id})`,
  jobs: sql<number>`(select count(*)::int from job_fair_jobs x where x.fair_id = ${jobFairs.id})`,
};
export interface FairRow {
  id: number;
  orgId: number;
  orgName: string;
  orgPath: string;
  name: string;
  startsAt: Date;
  endsAt: Date;
  mode: string;
  place: string;
  description: string;
  enterprises: number;
  jobs: number;
}

/** Fairs newest first: a union's subtree for staff, every fair for workers. */
export async function listFairs(
  db: Db,
  query: JobFairQuery,
  now: Date,
  rootPath: string | null,
): Promise<{ items: FairRow[]; total: number }> {
  const where: SQL[] = [];
  if (rootPath) where.push(sql`${orgs.path} <@ ${rootPath}::ltree`);
  if (query.upcoming) where.push(gt(jobFairs.endsAt, now));
  const cond = and(...where);
  const pageSize = query.pageSize ?? 20;
  const [items, [total]] = await Promise.all([
    db
      .select(summary)
      .from(jobFairs)
      .innerJoin(orgs, eq(orgs.id, jobFairs.orgId))
      .where(cond)
      .orderBy(desc(jobFairs.startsAt), desc(jobFairs.id))
      .limit(pageSize)
      .offset(((query.page ?? 1) - 1) * pageSize),
    db.select({ n: count() }).from(jobFairs).innerJoin(orgs, eq(orgs.id, jobFairs.orgId)).where(cond),
  ]);
  return { items: items as FairRow[], total: total?.n ?? 0 };
}

/**
 * One fair with its enterprises and their jobs. Workers see only the jobs still open; staff see
 * the fair only within their subtree.
 */
export async function getFair(db: Db, id: number, now: Date, actor: StaffActor | null) {
  const [fair] = await db
    .select(summary)
    .from(jobFairs)
    .innerJoin(orgs, eq(orgs.id, jobFairs.orgId))
    .where(eq(jobFairs.id, id));
  if (!fair || (actor && !pathInScope(actor, fair.orgPath))) throw fairNotFound(id);
  const participants = await db
    .select({
      enterpriseId: jobFairEnterprises.enterpriseId,
      booth: jobFairEnterprises.booth,
      enterpriseName: enterprises.name,
    })
    .from(jobFairEnterprises)
    .innerJoin(enterprises, eq(enterprises.id, jobFairEnterprises.enterpriseId))
    .where(eq(jobFairEnterprises.fairId, id))
    .orderBy(jobFairEnterprises.booth, enterprises.name);
  const jobRows = await db
    .select({
      id: jobs.id,
      title: jobs.title,
      category: jobs.category,
      enterpriseId: jobs.enterpriseId,
      salaryMin: jobs.salaryMin,
      salaryMax: jobs.salaryMax,
      regionCode: jobs.regionCode,
      headcount: jobs.headcount,
      validUntil: jobs.validUntil,
      publishedAt: jobs.publishedAt,
      status: jobs.status,
      expiresAt: jobs.expiresAt,
    })
    .from(jobFairJobs)
    .innerJoin(jobs, eq(jobs.id, jobFairJobs.jobId))
    .where(
      and(
        eq(jobFairJobs.fairId, id),
        inArray(jobs.enterpriseId, participants.map((p) => p.enterpriseId).concat(0)),
      ),
    );
  const open = jobRows.filter((j) => effectiveStatus(j, now) === 'published');
  return { fair: fair as FairRow, participants, jobs: open };
}
