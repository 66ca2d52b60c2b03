import {
  type CreateJoinApplicationBody,
  checkCreditCode,
  type ErrorDetail,
  JOIN_CONTACT_WORKING_DAYS,
  type JoinApplicationQuery,
  normalizeCreditCode,
  type UnionSearchQuery,
} from '@unionhub/contracts';
import type { Db } from '../../db/client.js';
import { isUniqueViolation } from '../../db/errors.js';
import { inTransaction } from '../../db/tx.js';
import { pathInScope } from '../../platform/access.js';
import type { MemberActor, StaffActor } from '../../platform/actor.js';
import { addWorkingDays } from '../../platform/calendar.js';
import type { AppContext, RequestMeta } from '../../platform/context.js';
import { AppError, validationError } from '../../platform/errors.js';
import { maskIdNumber, maskPhone } from '../../platform/pii.js';
import { recordAudit } from '../audit/index.js';
import { findMemberAccountById } from '../auth/index.js';
import { insertNewCard } from '../cards/index.js';
import { findEnterpriseByCreditCode } from '../enterprises/index.js';
import { assertNoActiveMembership, chinaToday, createMember, parseIdNumber } from '../members/index.js';
import { notify } from '../notifications/index.js';
import { findGrassrootsUnions, findOrgById, getOrgInScope, type OrgRow } from '../orgs/index.js';
import {
  applicationDecided,
  joinApplicationNotFound,
  openApplicationExists,
  unionNotFound,
  unionNotGrassroots,
} from './joining.errors.js';
import * as repo from './joining.repository.js';
import { nextJoinStatus } from './joining.workflow.js';

const PENDING_KEY = 'join_applications_one_pending_key';
const IDEMPOTENCY_KEY = 'join_applications_idempotency_key';

const isActiveGrassroots = (org: OrgRow) => org.level === 'grassroots' && org.status === 'active';

/**
 * A worker applies to a grassroots union anywhere (no scope: a worker may join where they work).
 * The phone is the account's own, verified at sign-in. With an Idempotency-Key, a retry returns
 * the application the first request made.
 */
export async function applyToJoin(
  ctx: AppContext,
  actor: MemberActor,
  input: CreateJoinApplicationBody,
  idempotencyKey: string | undefined,
  meta: RequestMeta,
): Promise<repo.JoinApplicationWithOrg> {
  if (idempotencyKey) {
    const first = await repo.findByIdempotencyKey(ctx.db, actor.id, idempotencyKey);
    if (first) return first;
  }
  const now = ctx.clock.now();
  const problems: ErrorDetail[] = [];
  const parsed = parseIdNumber(input.idNumber, 'body.idNumber', now);
  if (!parsed.ok) problems.push(parsed.detail);
  const creditCode = input.employerCreditCode ? normalizeCreditCode(input.employerCreditCode) : null;
  const creditViolation = creditCode ? checkCreditCode(creditCode) : null;
  if (creditViolation)
    problems.push({
      path: 'body.employerCreditCode',
      message: creditViolation.message,
      rule: creditViolation.rule,
    });
  if (!parsed.ok || problems.length) throw validationError(problems);

  const org = await findOrgById(ctx.db, input.orgId);
  if (!org) throw unionNotFound(input.orgId);
  if (!isActiveGrassroots(org)) throw unionNotGrassroots(org.id);
  await assertNoActiveMembership(ctx, parsed.idNumber, 'body.idNumber');
  const pending = await repo.findPendingOf(ctx.db, actor.id);
  if (pending) throw openApplicationExists(pending.id);

  const account = await findMemberAccountById(ctx.db, actor.id);
  if (!account) throw new AppError('UNAUTHENTICATED', 'Sign in again');
  const phone = ctx.pii.open(account.phoneEnc);
  try {
    return await inTransaction(ctx.db, async (tx) => {
      const id = await repo.insertApplication(tx, {
        provinceCode: org.provinceCode ?? `${(org.regionCode ?? parsed.facts.regionCode).slice(0, 2)}0000`,
        accountId: actor.id,
        orgId: org.id,
        name: input.name,
        idHash: ctx.pii.lookupHash('id_number', parsed.idNumber),
        idEnc: ctx.pii.seal(parsed.idNumber),
        idMasked: maskIdNumber(parsed.idNumber),
        phoneEnc: ctx.pii.seal(phone),
        phoneMasked: maskPhone(phone),
        employerName: input.employerName ?? null,
        employerCreditCode: creditCode,
        status: 'pending',
        contactDeadline: addWorkingDays(chinaToday(now), JOIN_CONTACT_WORKING_DAYS),
        idempotencyKey: idempotencyKey ?? null,
        createdAt: now,
        updatedAt: now,
      });
      await recordAudit(tx, {
        actor,
        action: 'join_application.submit',
        orgId: org.id,
        targetType: 'join_application',
        targetId: id,
        meta,
      });
      return (await repo.findApplicationById(tx, id))!;
    });
  } catch (err) {
    // A concurrent retry with the same key, or a second application racing the first.
    if (idempotencyKey && isUniqueViolation(err, IDEMPOTENCY_KEY)) {
      const first = await repo.findByIdempotencyKey(ctx.db, actor.id, idempotencyKey);
      if (first) return first;
    }
    if (isUniqueViolation(err, PENDING_KEY)) {
      const existing = await repo.findPendingOf(ctx.db, actor.id);
      throw openApplicationExists(existing?.id ?? 0);
    }
    throw err;
  }
}

export async function listMyApplications(ctx: AppContext, actor: MemberActor) {
  return repo.listApplicationsOf(ctx.db, actor.id);
}

/** The application if its union lies in the actor's subtree; otherwise "not found". */
async function getApplicationInScope(db: Db, actor: StaffActor, id: number) {
  const row = await repo.findApplicationById(db, id);
  if (!row || !pathInScope(actor, row.orgPath)) throw joinApplicationNotFound(id);
  return row;
}

export async function listApplications(ctx: AppContext, actor: StaffActor, query: JoinApplicationQuery) {
  const root = query.orgId ? (await getOrgInScope(ctx.db, actor, query.orgId)).path : actor.orgPath;
  const pageSize = query.pageSize ?? 20;
  return repo.listApplicationsUnder(ctx.db, {
    rootPath: root,
    status: query.status,
    name: query.q?.trim() || undefined,
    limit: pageSize,
    offset: ((query.page ?? 1) - 1) * pageSize,
  });
}

/** Locks a pending application inside the decision's transaction; a decided one cannot change. */
async function lockPending(tx: Db, id: number, action: 'accept' | 'reject') {
  const locked = await repo.lockApplication(tx, id);
  if (!locked) throw joinApplicationNotFound(id);
  const status = locked.status as 'pending' | 'accepted' | 'rejected';
  const next = nextJoinStatus(status, action);
  if (!next) throw applicationDecided(id, status);
  return { locked, next };
}

/**
 * Accepting registers the worker as a member of the union (joined today) through the member
 * registry, in the same transaction as the decision: either both happen or neither.
 */
export async function acceptApplication(
  ctx: AppContext,
  actor: StaffActor,
  id: number,
  meta: RequestMeta,
): Promise<repo.JoinApplicationWithOrg> {
  await getApplicationInScope(ctx.db, actor, id);
  const now = ctx.clock.now();
  return inTransaction(ctx.db, async (tx) => {
    const { locked, next } = await lockPending(tx, id, 'accept');
    const member = await createMember(
      { ...ctx, db: tx },
      actor,
      {
        orgId: locked.orgId,
        name: locked.name,
        idNumber: ctx.pii.open(locked.idEnc),
        phone: ctx.pii.open(locked.phoneEnc),
        joinedOn: chinaToday(now),
        ...(locked.employerName ? { employerName: locked.employerName } : {}),
      },
      meta,
    );
    // The card is issued in the same transaction: an accepted worker always has a card to show.
    const cardId = await insertNewCard(tx, member, now);
    await recordAudit(tx, {
      actor,
      action: 'card.issue',
      orgId: member.orgId,
      targetType: 'member_card',
      targetId: cardId,
      details: { memberId: member.id, via: 'join_application', applicationId: id },
      meta,
    });
    await repo.updateApplication(
      tx,
      id,
      { status: next, decidedBy: actor.id, decidedAt: now, memberId: member.id },
      now,
    );
    await notify(
      tx,
      [{ type: 'member', id: locked.accountId }],
      {
        topic: 'membership',
        kind: 'join.accepted',
        title: '入会申请已通过',
        body: `您申请加入“${member.orgName}”的入会申请已通过，欢迎成为工会会员！`,
        link: '/m/card',
      },
      now,
    );
    await recordAudit(tx, {
      actor,
      action: 'join_application.accept',
      orgId: locked.orgId,
      targetType: 'join_application',
      targetId: id,
      details: { memberId: member.id },
      meta,
    });
    return (await repo.findApplicationById(tx, id))!;
  });
}

export async function rejectApplication(
  ctx: AppContext,
  actor: StaffActor,
  id: number,
  reason: string,
  meta: RequestMeta,
): Promise<repo.JoinApplicationWithOrg> {
  const application = await getApplicationInScope(ctx.db, actor, id);
  const now = ctx.clock.now();
  return inTransaction(ctx.db, async (tx) => {
    const { locked, next } = await lockPending(tx, id, 'reject');
    await repo.updateApplication(
      tx,
      id,
      { status: next, decisionReason: reason, decidedBy: actor.id, decidedAt: now },
      now,
    );
    await notify(
      tx,
      [{ type: 'member', id: locked.accountId }],
      {
        topic: 'membership',
        kind: 'join.rejected',
        title: '入会申请未通过',
        body: `您申请加入“${application.orgName}”的入会申请未通过，原因：${reason}`,
      },
      now,
    );
    await recordAudit(tx, {
      actor,
      action: 'join_application.reject',
      orgId: locked.orgId,
      targetType: 'join_application',
      targetId: id,
      details: { reason },
      meta,
    });
    return (await repo.findApplicationById(tx, id))!;
  });
}

/**
 * Unions a worker may apply to: the one covering an employer (by credit code), or grassroots
 * unions by name or region — across the whole tree, public facts only.
 */
export async function findUnionsToJoin(ctx: AppContext, query: UnionSearchQuery): Promise<OrgRow[]> {
  if (query.creditCode) {
    const code = normalizeCreditCode(query.creditCode);
    const violation = checkCreditCode(code);
    if (violation)
      throw validationError([
        { path: 'querystring.creditCode', message: violation.message, rule: violation.rule },
      ]);
    const enterprise = await findEnterpriseByCreditCode(ctx.db, code);
    const org = enterprise?.orgId ? await findOrgById(ctx.db, enterprise.orgId) : null;
    return org && isActiveGrassroots(org) ? [org] : [];
  }
  if (!query.q?.trim() && !query.regionCode)
    throw validationError([
      {
        path: 'querystring',
        message: 'give a creditCode, a name (q) or a regionCode',
        rule: 'union_search.criteria',
      },
    ]);
  return findGrassrootsUnions(ctx.db, { q: query.q, regionCode: query.regionCode });
}
