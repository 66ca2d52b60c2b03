import type { FaqQuery, PublicFaqQuery, UpdateFaqBody } from '@unionhub/contracts';
import type { Db } from '../../db/client.js';
import { inTransaction } from '../../db/tx.js';
import { pathInScope } from '../../platform/access.js';
import type { StaffActor } from '../../platform/actor.js';
import type { AppContext, RequestMeta } from '../../platform/context.js';
import { recordAudit } from '../audit/index.js';
import { getOrgInScope } from '../orgs/index.js';
import { faqAlreadyReviewed, faqNotFound } from './consultations.errors.js';
import * as repo from './consultations.repository.js';
import { DEFAULT_PICKUP_TIMEOUT_MINUTES } from './consultations.routing.js';

const page = (q: { page?: number | undefined; pageSize?: number | undefined }) => {
  const pageSize = q.pageSize ?? 20;
  return { limit: pageSize, offset: ((q.page ?? 1) - 1) * pageSize };
};

/** The review queue (pending by default) of the unions in the caller's subtree. */
export async function listFaqForReview(ctx: AppContext, actor: StaffActor, query: FaqQuery) {
  const root = query.orgId ? (await getOrgInScope(ctx.db, actor, query.orgId)).path : actor.orgPath;
  return repo.listFaq(ctx.db, { root, status: query.status ?? 'pending', ...page(query) });
}

export async function getFaqInScope(db: Db, actor: StaffActor, id: number) {
  const row = await repo.findFaq(db, id);
  if (!row || !pathInScope(actor, row.orgPath)) throw faqNotFound(id);
  return row;
}

/** Staff edit the redacted question and answer while the entry waits for review (or after publishing). */
export async function updateFaq(
  ctx: AppContext,
  actor: StaffActor,
  id: number,
  body: UpdateFaqBody,
  meta: RequestMeta,
) {
  const row = await getFaqInScope(ctx.db, actor, id);
  const question = body.question?.trim() ?? row.question;
  const answer = body.answer?.trim() ?? row.answer;
  await inTransaction(ctx.db, async (tx) => {
    await repo.updateFaq(tx, id, {
      question,
      answer,
      searchText: `${question}\n${answer}`,
      ...(body.field ? { field: body.field } : {}),
      updatedAt: ctx.clock.now(),
    });
    await recordAudit(tx, {
      actor,
      action: 'faq.update',
      orgId: row.orgId,
      targetType: 'legal_faq',
      targetId: id,
      meta,
    });
  });
  return (await repo.findFaq(ctx.db, id))!;
}

/** Publish (members can find it) or reject a pending entry. */
export async function reviewFaq(
  ctx: AppContext,
  actor: StaffActor,
  id: number,
  decision: 'publish' | 'reject',
  meta: RequestMeta,
) {
  const row = await getFaqInScope(ctx.db, actor, id);
  if (row.status !== 'pending') throw faqAlreadyReviewed(row.status);
  const now = ctx.clock.now();
  await inTransaction(ctx.db, async (tx) => {
    await repo.updateFaq(tx, id, {
      status: decision === 'publish' ? 'published' : 'rejected',
      reviewedBy: actor.id,
      publishedAt: decision === 'publish' ? now : null,
      updatedAt: now,
    });
    await recordAudit(tx, {
      actor,
      action: `faq.${decision}`,
      orgId: row.orgId,
      targetType: 'legal_faq',
      targetId: id,
      meta,
    });
  });
  return (await repo.findFaq(ctx.db, id))!;
}

/** 常见问题 for members: published entries anywhere, by Chinese substring (trigram index) and field. */
export async function searchFaq(ctx: AppContext, query: PublicFaqQuery) {
  return repo.listFaq(ctx.db, {
    status: 'published',
    q: query.q?.trim() || undefined,
    field: query.field,
    ...page(query),
  });
}

export async function getLegalSettings(ctx: AppContext, actor: StaffActor, orgId: number) {
  const org = await getOrgInScope(ctx.db, actor, orgId);
  const minutes = (await repo.findTimeouts(ctx.db, [org.id])).get(org.id) ?? DEFAULT_PICKUP_TIMEOUT_MINUTES;
  return { orgId: org.id, pickupTimeoutMinutes: minutes };
}

export async function updateLegalSettings(
  ctx: AppContext,
  actor: StaffActor,
  orgId: number,
  minutes: number,
  meta: RequestMeta,
) {
  const org = await getOrgInScope(ctx.db, actor, orgId);
  await inTransaction(ctx.db, async (tx) => {
    await repo.upsertTimeout(tx, org.id, minutes, ctx.clock.now());
    await recordAudit(tx, {
      actor,
      action: 'legal_settings.update',
      orgId: org.id,
      targetType: 'org',
      targetId: org.id,
      details: { pickupTimeoutMinutes: minutes },
      meta,
    });
  });
  return { orgId: org.id, pickupTimeoutMinutes: minutes };
}
