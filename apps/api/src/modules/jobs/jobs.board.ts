import type { ApplyBody, JobSearchQuery } from '@unionhub/contracts';
import { eq } from 'drizzle-orm';
import { isUniqueViolation } from '../../db/errors.js';
import { inTransaction } from '../../db/tx.js';
import type { MemberActor } from '../../platform/actor.js';
import type { AppContext, RequestMeta } from '../../platform/context.js';
import { maskPhone } from '../../platform/pii.js';
import { recordAudit } from '../audit/index.js';
import { findMemberAccountById, staffUsers } from '../auth/index.js';
import { notify } from '../notifications/index.js';
import { alreadyApplied, jobNotFound, jobNotOpen } from './jobs.errors.js';
import * as repo from './jobs.repository.js';
import { jobApplications } from './jobs.schema.js';
import { searchJobs } from './jobs.search.js';
import { effectiveStatus } from './jobs.service.js';

export const searchOpenJobs = (ctx: AppContext, query: JobSearchQuery) =>
  searchJobs(ctx.db, query, ctx.clock.now());

/** An open job as a worker sees it, with their own application stage; anything else is not found. */
export async function getOpenJob(ctx: AppContext, actor: MemberActor, id: number) {
  const job = await repo.findJobView(ctx.db, id);
  if (!job || effectiveStatus(job, ctx.clock.now()) !== 'published') throw jobNotFound(id);
  return { job, applied: await repo.findApplicationStage(ctx.db, id, actor.id) };
}

/**
 * A worker applies with a short profile; the phone is the one they signed in with, sealed, and the
 * enterprise sees it masked until it invites them to an interview. One application per job.
 */
export async function applyForJob(
  ctx: AppContext,
  actor: MemberActor,
  id: number,
  body: ApplyBody,
  meta: RequestMeta,
): Promise<number> {
  const job = await repo.findJobView(ctx.db, id);
  if (!job) throw jobNotFound(id);
  const now = ctx.clock.now();
  if (effectiveStatus(job, now) !== 'published') throw jobNotOpen(id);
  const account = await findMemberAccountById(ctx.db, actor.id);
  if (!account) throw jobNotFound(id);
  const phone = ctx.pii.open(account.phoneEnc);
  const recruiters = await ctx.db
    .select({ id: staffUsers.id })
    .from(staffUsers)
    .where(eq(staffUsers.enterpriseId, job.enterpriseId));
  try {
    return await inTransaction(ctx.db, async (tx) => {
      const applicationId = await repo.insertApplication(tx, {
        jobId: id,
        accountId: actor.id,
        name: body.name,
        skills: body.skills,
        experience: body.experience,
        expectedSalary: body.expectedSalary ?? null,
        phoneEnc: ctx.pii.seal(phone),
        phoneMasked: maskPhone(phone),
        stage: 'applied',
        stageChangedAt: now,
        createdAt: now,
        updatedAt: now,
      });
      await recordAudit(tx, {
        actor,
        action: 'job_application.create',
        orgId: job.orgId,
        targetType: 'job_application',
        targetId: applicationId,
        details: { jobId: id },
        meta,
      });
      await notify(
        tx,
        recruiters.map((r) => ({ type: 'staff' as const, id: r.id })),
        {
          topic: 'job',
          kind: 'job_application.created',
          title: '收到新的求职申请',
          body: `${body.name} 申请了岗位「${job.title}」。`,
          link: `/admin/my-jobs/${id}`,
        },
        now,
      );
      return applicationId;
    });
  } catch (err) {
    if (isUniqueViolation(err, 'job_applications_job_account_key')) throw alreadyApplied(id);
    throw err;
  }
}

export async function listMyApplications(
  ctx: AppContext,
  actor: MemberActor,
  page: { page?: number | undefined; pageSize?: number | undefined },
) {
  const pageSize = page.pageSize ?? 20;
  return repo.listApplications(ctx.db, [eq(jobApplications.accountId, actor.id)], {
    limit: pageSize,
    offset: ((page.page ?? 1) - 1) * pageSize,
  });
}
