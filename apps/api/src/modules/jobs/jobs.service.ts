import type {
  CreateJobBody,
  JobActionBody,
  JobQuery,
  JobStatus,
  RecruiterJobAction,
  StaffJobAction,
  UpdateJobBody,
} from '@unionhub/contracts';
import { eq, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { inTransaction } from '../../db/tx.js';
import { pathInScope } from '../../platform/access.js';
import type { StaffActor } from '../../platform/actor.js';
import type { AppContext, RequestMeta } from '../../platform/context.js';
import { validationError } from '../../platform/errors.js';
import { recordAudit } from '../audit/index.js';
import { staffUsers } from '../auth/index.js';
import { chinaToday } from '../members/index.js';
import { notify, notifyOrgStaff } from '../notifications/index.js';
import { getOrgInScope, orgs } from '../orgs/index.js';
import { regionExists } from '../regions/index.js';
import {
  jobBadTransition,
  jobNotEditable,
  jobNotFound,
  noEnterprise,
  reasonRequired,
} from './jobs.errors.js';
import { endOfChinaDay, jobTermsProblems } from './jobs.policy.js';
import * as repo from './jobs.repository.js';
import { jobs } from './jobs.schema.js';
import { regionKeys, searchBigrams, searchTextOf } from './jobs.search-text.js';
import { EDITABLE, recruiterJobTransitions, staffJobTransitions } from './jobs.workflow.js';

export type RecruiterEnterprise = NonNullable<Awaited<ReturnType<typeof repo.findRecruiterEnterprise>>>;

/** The status a worker or a reviewer reads: a published job past its last day is expired. */
export function effectiveStatus(row: { status: string; expiresAt: Date }, now: Date): JobStatus {
  if (row.status === 'published' && row.expiresAt <= now) return 'expired';
  return row.status as JobStatus;
}

/** The enterprise a recruiter account posts for; an account without one may not post. */
export async function getRecruiterEnterprise(db: Db, actor: StaffActor): Promise<RecruiterEnterprise> {
  const enterprise = await repo.findRecruiterEnterprise(db, actor.id);
  if (!enterprise) throw noEnterprise();
  return enterprise;
}

/** One of the recruiter's own jobs; another enterprise's job is not found (404). */
export async function getOwnJob(db: Db, enterprise: RecruiterEnterprise, id: number): Promise<repo.JobView> {
  const job = await repo.findJobView(db, id);
  if (!job || job.enterpriseId !== enterprise.id) throw jobNotFound(id);
  return job;
}

/** A job whose reviewing union lies in the staff user's subtree. */
export async function getJobInScope(db: Db, actor: StaffActor, id: number): Promise<repo.JobView> {
  const job = await repo.findJobView(db, id);
  if (!job || !pathInScope(actor, job.orgPath)) throw jobNotFound(id);
  return job;
}

function checkTerms(ctx: AppContext, terms: Parameters<typeof jobTermsProblems>[0]) {
  const problems = jobTermsProblems(terms, chinaToday(ctx.clock.now()), regionExists);
  if (problems.length) throw validationError(problems, '请检查标出的岗位信息');
}

const searchColumns = (
  body: { title: string; description: string; regionCode: string },
  enterpriseName: string,
) => {
  const text = searchTextOf({ title: body.title, enterpriseName, description: body.description });
  return { searchText: text, searchBigrams: [...searchBigrams(text), ...regionKeys(body.regionCode)] };
};

export async function createJob(
  ctx: AppContext,
  actor: StaffActor,
  body: CreateJobBody,
  meta: RequestMeta,
): Promise<repo.JobView> {
  const enterprise = await getRecruiterEnterprise(ctx.db, actor);
  checkTerms(ctx, body);
  const now = ctx.clock.now();
  return inTransaction(ctx.db, async (tx) => {
    const id = await repo.insertJob(tx, {
      ...body,
      provinceCode: enterprise.provinceCode,
      enterpriseId: enterprise.id,
      orgId: enterprise.ownerOrgId,
      expiresAt: endOfChinaDay(body.validUntil),
      ...searchColumns(body, enterprise.name),
      status: 'draft',
      createdBy: actor.id,
      createdAt: now,
      updatedAt: now,
    });
    await recordAudit(tx, {
      actor,
      action: 'job.create',
      orgId: enterprise.ownerOrgId,
      targetType: 'job',
      targetId: id,
      details: { title: body.title },
      meta,
    });
    return (await repo.findJobView(tx, id))!;
  });
}

export async function updateJob(
  ctx: AppContext,
  actor: StaffActor,
  id: number,
  body: UpdateJobBody,
  meta: RequestMeta,
): Promise<repo.JobView> {
  const enterprise = await getRecruiterEnterprise(ctx.db, actor);
  const job = await getOwnJob(ctx.db, enterprise, id);
  const status = effectiveStatus(job, ctx.clock.now());
  if (!EDITABLE.has(status)) throw jobNotEditable(status);
  const next = { ...job, ...body };
  checkTerms(ctx, next);
  const now = ctx.clock.now();
  return inTransaction(ctx.db, async (tx) => {
    await repo.updateJob(tx, id, {
      ...body,
      expiresAt: endOfChinaDay(next.validUntil),
      ...searchColumns(next, enterprise.name),
      updatedAt: now,
    });
    await recordAudit(tx, {
      actor,
      action: 'job.update',
      orgId: job.orgId,
      targetType: 'job',
      targetId: id,
      details: { fields: Object.keys(body) },
      meta,
    });
    return (await repo.findJobView(tx, id))!;
  });
}

export async function listEnterpriseJobs(ctx: AppContext, actor: StaffActor, query: JobQuery) {
  const enterprise = await getRecruiterEnterprise(ctx.db, actor);
  return listWhere(ctx, [eq(jobs.enterpriseId, enterprise.id)], query);
}

export async function listJobsInScope(ctx: AppContext, actor: StaffActor, query: JobQuery) {
  const root = query.orgId ? (await getOrgInScope(ctx.db, actor, query.orgId)).path : actor.orgPath;
  return listWhere(ctx, [sql`${orgs.path} <@ ${root}::ltree`], query);
}

async function listWhere(ctx: AppContext, where: SQL[], query: JobQuery) {
  const now = ctx.clock.now();
  if (query.status) where.push(repo.statusCondition(query.status, now));
  if (query.q) where.push(repo.titleOrEnterprise(query.q));
  const pageSize = query.pageSize ?? 20;
  return repo.listJobs(ctx.db, where, { limit: pageSize, offset: ((query.page ?? 1) - 1) * pageSize });
}

const recruitersOf = async (db: Db, enterpriseId: number) =>
  (
    await db
      .select({ id: staffUsers.id })
      .from(staffUsers)
      .where(sql`${staffUsers.enterpriseId} = ${enterpriseId} and ${staffUsers.disabledAt} is null`)
  ).map((r) => ({ type: 'staff' as const, id: r.id }));

/** The enterprise submits a job for review or closes it; the reviewing union is told of a submission. */
export async function recruiterAct(
  ctx: AppContext,
  actor: StaffActor,
  id: number,
  action: RecruiterJobAction,
  meta: RequestMeta,
): Promise<repo.JobView> {
  const enterprise = await getRecruiterEnterprise(ctx.db, actor);
  const job = await getOwnJob(ctx.db, enterprise, id);
  const now = ctx.clock.now();
  const status = effectiveStatus(job, now);
  const to = recruiterJobTransitions[status][action];
  if (!to) throw jobBadTransition(status, action, Object.keys(recruiterJobTransitions[status]));
  if (action === 'submit') checkTerms(ctx, job);
  return inTransaction(ctx.db, async (tx) => {
    await repo.updateJob(tx, id, {
      status: to,
      updatedAt: now,
      ...(action === 'submit' ? { submittedAt: now, rejectReason: null } : { closedAt: now }),
    });
    await recordAudit(tx, {
      actor,
      action: `job.${action}`,
      orgId: job.orgId,
      targetType: 'job',
      targetId: id,
      meta,
    });
    if (action === 'submit')
      await notifyOrgStaff(
        tx,
        job.orgId,
        'jobs.manage',
        {
          topic: 'job',
          kind: 'job.submitted',
          title: '新岗位待审核',
          body: `${enterprise.name} 提交了岗位「${job.title}」，请审核。`,
          link: `/admin/jobs/review/${id}`,
        },
        now,
      );
    return (await repo.findJobView(tx, id))!;
  });
}

const STAFF_NOTICE: Record<
  StaffJobAction,
  (title: string, reason?: string) => { title: string; body: string }
> = {
  approve: (t) => ({ title: '岗位已通过审核', body: `岗位「${t}」已通过审核并发布。` }),
  reject: (t, r) => ({ title: '岗位未通过审核', body: `岗位「${t}」未通过审核：${r ?? ''}` }),
  close: (t) => ({ title: '岗位已被下架', body: `岗位「${t}」已由工会下架。` }),
};

/** The reviewing union (or one above it) approves, rejects with a reason, or takes a job down. */
export async function staffAct(
  ctx: AppContext,
  actor: StaffActor,
  id: number,
  action: StaffJobAction,
  body: JobActionBody,
  meta: RequestMeta,
): Promise<repo.JobView> {
  const job = await getJobInScope(ctx.db, actor, id);
  const now = ctx.clock.now();
  const status = effectiveStatus(job, now);
  const to = staffJobTransitions[status][action];
  if (!to) throw jobBadTransition(status, action, Object.keys(staffJobTransitions[status]));
  const reason = body.reason?.trim();
  if (action === 'reject' && !reason) throw reasonRequired();
  const recipients = await recruitersOf(ctx.db, job.enterpriseId);
  return inTransaction(ctx.db, async (tx) => {
    await repo.updateJob(tx, id, {
      status: to,
      updatedAt: now,
      reviewedBy: actor.id,
      ...(action === 'approve' ? { publishedAt: now } : {}),
      ...(action === 'reject' ? { rejectReason: reason } : {}),
      ...(action === 'close' ? { closedAt: now } : {}),
    });
    await recordAudit(tx, {
      actor,
      action: `job.${action}`,
      orgId: job.orgId,
      targetType: 'job',
      targetId: id,
      ...(reason ? { details: { reason } } : {}),
      meta,
    });
    await notify(
      tx,
      recipients,
      {
        topic: 'job',
        kind: `job.${action}`,
        ...STAFF_NOTICE[action](job.title, reason),
        link: `/admin/my-jobs/${id}`,
      },
      now,
    );
    return (await repo.findJobView(tx, id))!;
  });
}
