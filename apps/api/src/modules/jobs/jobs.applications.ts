import type { ApplicationAction, ApplicationQuery, ApplicationStage } from '@unionhub/contracts';
import { eq } from 'drizzle-orm';
import { inTransaction } from '../../db/tx.js';
import type { StaffActor } from '../../platform/actor.js';
import type { AppContext, RequestMeta } from '../../platform/context.js';
import { recordAudit } from '../audit/index.js';
import { notify } from '../notifications/index.js';
import { applicationBadTransition, applicationNotFound } from './jobs.errors.js';
import * as repo from './jobs.repository.js';
import { jobApplications } from './jobs.schema.js';
import { getOwnJob, getRecruiterEnterprise } from './jobs.service.js';
import { applicationTransitions, PHONE_VISIBLE } from './jobs.workflow.js';

const STAGE_NOTICE: Record<ApplicationStage, string> = {
  applied: '',
  viewed: '企业已查看您的求职申请',
  interview: '企业邀请您参加面试，请留意来电',
  hired: '恭喜，您已被录用',
  rejected: '很遗憾，企业未录用您',
};

export async function listJobApplicants(
  ctx: AppContext,
  actor: StaffActor,
  jobId: number,
  query: ApplicationQuery,
) {
  const enterprise = await getRecruiterEnterprise(ctx.db, actor);
  await getOwnJob(ctx.db, enterprise, jobId);
  const where = [eq(jobApplications.jobId, jobId)];
  if (query.stage) where.push(eq(jobApplications.stage, query.stage));
  const pageSize = query.pageSize ?? 20;
  return repo.listApplications(ctx.db, where, {
    limit: pageSize,
    offset: ((query.page ?? 1) - 1) * pageSize,
  });
}

async function getOwnApplication(ctx: AppContext, actor: StaffActor, id: number) {
  const enterprise = await getRecruiterEnterprise(ctx.db, actor);
  const row = await repo.findApplicationView(ctx.db, id);
  if (!row || row.enterpriseId !== enterprise.id) throw applicationNotFound(id);
  return row;
}

/**
 * One applicant as the enterprise sees it. From the interview on, the phone is shown in full and
 * the read is audited; before that it stays masked.
 */
export async function getApplicant(ctx: AppContext, actor: StaffActor, id: number, meta: RequestMeta) {
  const row = await getOwnApplication(ctx, actor, id);
  const full = PHONE_VISIBLE.has(row.stage as ApplicationStage);
  if (full)
    await recordAudit(ctx.db, {
      actor,
      action: 'job_application.phone_view',
      targetType: 'job_application',
      targetId: id,
      meta,
    });
  return { row, phone: full ? ctx.pii.open(row.phoneEnc) : null };
}

/** The enterprise moves an applicant one stage on; the worker is told each time. */
export async function moveApplicant(
  ctx: AppContext,
  actor: StaffActor,
  id: number,
  action: ApplicationAction,
  meta: RequestMeta,
) {
  const row = await getOwnApplication(ctx, actor, id);
  const stage = row.stage as ApplicationStage;
  const to = applicationTransitions[stage][action];
  if (!to) throw applicationBadTransition(stage, action, Object.keys(applicationTransitions[stage]));
  const now = ctx.clock.now();
  await inTransaction(ctx.db, async (tx) => {
    await repo.updateApplicationStage(tx, id, to, now);
    await recordAudit(tx, {
      actor,
      action: `job_application.${action}`,
      targetType: 'job_application',
      targetId: id,
      details: { from: stage, to },
      meta,
    });
    await notify(
      tx,
      [{ type: 'member', id: row.accountId }],
      {
        topic: 'job',
        kind: `job_application.${to}`,
        title: STAGE_NOTICE[to],
        body: `${row.enterpriseName}「${row.jobTitle}」：${STAGE_NOTICE[to]}。`,
        link: '/m/job-applications',
      },
      now,
    );
  });
  return getApplicant(ctx, actor, id, meta);
}
