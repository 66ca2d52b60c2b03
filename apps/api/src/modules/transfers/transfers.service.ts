import type {
  CreateTransferBody,
  TransferAction,
  TransferQuery,
  TransferStatus,
  UnionSearchQuery,
} from '@unionhub/contracts';
import { TRANSFER_AUTO_ACCEPT_DAYS } from '@unionhub/contracts';
import { isUniqueViolation } from '../../db/errors.js';
import { inTransaction } from '../../db/tx.js';
import { pathInScope } from '../../platform/access.js';
import type { MemberActor, StaffActor } from '../../platform/actor.js';
import type { AppContext, RequestMeta } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { type AuditActor, recordAudit } from '../audit/index.js';
import { findMemberAccountById } from '../auth/index.js';
import { findUnionsToJoin } from '../joining/index.js';
import {
  findActiveMemberByPhoneHash,
  getMemberById,
  getMemberInScope,
  type HistoryActor,
  type MemberWithOrg,
  moveMember,
} from '../members/index.js';
import { notifyMemberByPhone } from '../notifications/index.js';
import { findOrgById, getOrgInScope, type OrgRow } from '../orgs/index.js';
import {
  destinationInvalid,
  destinationNotFound,
  memberNotActive,
  notYourTurn,
  transferNotFound,
  transferOpen,
} from './transfers.errors.js';
import { type CallerAction, callerActions, mayAct, type TransferSides } from './transfers.policy.js';
import * as repo from './transfers.repository.js';
import { assertTransition } from './transfers.workflow.js';

const OPEN_KEY = 'transfers_one_open_key';
const DAY_MS = 86_400_000;

type Caller = StaffActor | MemberActor;

/** Where a caller stands: staff by org scope (the destination only once the transfer reached it), a member as starter. */
export function sidesOf(caller: Caller, t: repo.TransferView): TransferSides {
  if (caller.kind === 'member')
    return {
      origin: false,
      destination: false,
      starter: t.startedByType === 'member' && t.startedById === caller.id,
    };
  const origin = pathInScope(caller, t.fromPath);
  return {
    origin,
    destination: t.reachedDestinationAt !== null && pathInScope(caller, t.toPath),
    // A transfer started by staff belongs to the origin union, whose staff may withdraw it.
    starter: t.startedByType === 'staff' && origin,
  };
}

export function actionsFor(caller: Caller, t: repo.TransferView): CallerAction[] {
  return callerActions(t.status as TransferStatus, sidesOf(caller, t));
}

function historyActorOf(caller: Caller | null): HistoryActor {
  if (!caller) return { actorType: 'system', actorId: null, actorName: null };
  return caller.kind === 'staff'
    ? { actorType: 'staff', actorId: caller.id, actorName: caller.username }
    : { actorType: 'member', actorId: caller.id, actorName: null };
}

const auditActorOf = (caller: Caller | null): AuditActor =>
  caller ?? { kind: 'system', name: 'transfer-auto-accept' };

async function startTransfer(
  ctx: AppContext,
  caller: Caller,
  member: MemberWithOrg,
  input: { toOrgId: number; reason: string },
  meta: RequestMeta,
): Promise<repo.TransferView> {
  if (member.status !== 'active') throw memberNotActive(member.id);
  const to = await findOrgById(ctx.db, input.toOrgId);
  if (!to) throw destinationNotFound(input.toOrgId);
  if (to.level !== 'grassroots' || to.status !== 'active')
    throw destinationInvalid(to.id, 'must be an active grassroots union');
  if (to.id === member.orgId) throw destinationInvalid(to.id, 'the member already belongs to this union');
  const open = await repo.findOpenTransferOf(ctx.db, member.id);
  if (open) throw transferOpen(open.id);
  const now = ctx.clock.now();
  try {
    return await inTransaction(ctx.db, async (tx) => {
      const id = await repo.insertTransfer(tx, {
        provinceCode: member.provinceCode,
        memberId: member.id,
        fromOrgId: member.orgId,
        toOrgId: to.id,
        reason: input.reason,
        status: 'pending_origin',
        startedByType: caller.kind,
        startedById: caller.id,
        autoAcceptAt: new Date(now.getTime() + TRANSFER_AUTO_ACCEPT_DAYS * DAY_MS),
        createdAt: now,
        updatedAt: now,
      });
      await repo.insertStep(tx, {
        transferId: id,
        action: 'start',
        fromStatus: null,
        toStatus: 'pending_origin',
        ...historyActorOf(caller),
        reason: input.reason,
        at: now,
      });
      await recordAudit(tx, {
        actor: caller,
        action: 'transfer.start',
        orgId: member.orgId,
        targetType: 'transfer',
        targetId: id,
        details: { memberId: member.id, toOrgId: to.id },
        meta,
      });
      return (await repo.findTransferById(tx, id))!;
    });
  } catch (err) {
    if (isUniqueViolation(err, OPEN_KEY)) {
      const existing = await repo.findOpenTransferOf(ctx.db, member.id);
      throw transferOpen(existing?.id ?? 0);
    }
    throw err;
  }
}

/** The origin union's staff start a transfer of a member in their subtree. */
export async function startTransferByStaff(
  ctx: AppContext,
  actor: StaffActor,
  input: CreateTransferBody,
  meta: RequestMeta,
): Promise<repo.TransferView> {
  const member = await getMemberInScope(ctx.db, actor, input.memberId);
  return startTransfer(ctx, actor, member, input, meta);
}

/** The member signed in on the member app: the membership registered with the account's phone. */
async function getMyMembership(ctx: AppContext, actor: MemberActor): Promise<MemberWithOrg | null> {
  const account = await findMemberAccountById(ctx.db, actor.id);
  return account ? findActiveMemberByPhoneHash(ctx.db, account.phoneHash) : null;
}

export async function startMyTransfer(
  ctx: AppContext,
  actor: MemberActor,
  input: { toOrgId: number; reason: string },
  meta: RequestMeta,
): Promise<repo.TransferView> {
  const member = await getMyMembership(ctx, actor);
  if (!member)
    throw new AppError('MEMBER_NOT_FOUND', 'No active membership is registered with this account’s phone');
  return startTransfer(ctx, actor, member, input, meta);
}

/** The transfer as a caller may see it: staff on either side (the destination once reached), the member it concerns. */
async function getVisibleTransfer(ctx: AppContext, caller: Caller, id: number): Promise<repo.TransferView> {
  const t = await repo.findTransferById(ctx.db, id);
  if (!t) throw transferNotFound(id);
  if (caller.kind === 'staff') {
    const sides = sidesOf(caller, t);
    if (!sides.origin && !sides.destination) throw transferNotFound(id);
    return t;
  }
  const mine = await getMyMembership(ctx, caller);
  if (t.memberId !== mine?.id) throw transferNotFound(id);
  return t;
}

export async function getTransferWithHistory(ctx: AppContext, caller: Caller, id: number) {
  const transfer = await getVisibleTransfer(ctx, caller, id);
  return { transfer, history: await repo.listSteps(ctx.db, id) };
}

/**
 * One step of the workflow in one transaction: the row is locked and its state read again, the
 * table says whether the action is allowed (409 with the allowed actions otherwise) and who takes
 * it; completion moves the member through the member registry.
 */
async function applyAction(
  ctx: AppContext,
  caller: Caller | null,
  id: number,
  action: TransferAction,
  reason: string | null,
  meta?: RequestMeta,
): Promise<void> {
  const now = ctx.clock.now();
  await inTransaction(ctx.db, async (tx) => {
    const locked = await repo.lockTransfer(tx, id);
    if (!locked) throw transferNotFound(id);
    const from = locked.status as TransferStatus;
    const transition = assertTransition(from, action);
    if (caller) {
      const view = (await repo.findTransferById(tx, id))!;
      if (!mayAct(sidesOf(caller, view), transition.by)) throw notYourTurn(transition.by);
    }
    await repo.updateTransfer(
      tx,
      id,
      {
        status: transition.to,
        ...(action === 'reject' || action === 'cancel' ? { decisionReason: reason } : {}),
        // The destination sees the transfer from the moment it is its turn (or it completed without it).
        ...(!locked.reachedDestinationAt &&
        (transition.to === 'pending_destination' || transition.to === 'completed')
          ? { reachedDestinationAt: now }
          : {}),
      },
      now,
    );
    await repo.insertStep(tx, {
      transferId: id,
      action,
      fromStatus: from,
      toStatus: transition.to,
      ...historyActorOf(caller),
      reason,
      at: now,
    });
    if (transition.to === 'completed')
      await moveMember(tx, {
        memberId: locked.memberId,
        toOrgId: locked.toOrgId,
        reason: `会员关系转接 #${id}`,
        by: historyActorOf(caller),
        at: now,
      });
    await recordAudit(tx, {
      actor: auditActorOf(caller),
      action: `transfer.${action}`,
      orgId: transition.by === 'destination' ? locked.toOrgId : locked.fromOrgId,
      targetType: 'transfer',
      targetId: id,
      details: { from, to: transition.to, ...(reason ? { reason } : {}) },
      ...(meta ? { meta } : {}),
    });
    if (transition.to === 'completed' || transition.to === 'rejected') {
      const view = (await repo.findTransferById(tx, id))!;
      const member = await getMemberById(tx, locked.memberId);
      await notifyMemberByPhone(
        tx,
        member.phoneHash,
        {
          topic: 'membership',
          kind: transition.to === 'completed' ? 'transfer.completed' : 'transfer.rejected',
          title: transition.to === 'completed' ? '会员关系转接已完成' : '会员关系转接未通过',
          body:
            transition.to === 'completed'
              ? `您的会员关系已从“${view.fromOrgName}”转入“${view.toOrgName}”。`
              : `您转入“${view.toOrgName}”的会员关系转接未通过，原因：${reason ?? ''}`,
        },
        now,
      );
    }
  });
}

export async function actOnTransfer(
  ctx: AppContext,
  caller: Caller,
  id: number,
  action: CallerAction,
  reason: string | null,
  meta: RequestMeta,
): Promise<repo.TransferView> {
  await getVisibleTransfer(ctx, caller, id);
  await applyAction(ctx, caller, id, action, reason, meta);
  return (await repo.findTransferById(ctx.db, id))!;
}

export async function listTransfers(ctx: AppContext, actor: StaffActor, query: TransferQuery) {
  const root = query.orgId ? (await getOrgInScope(ctx.db, actor, query.orgId)).path : actor.orgPath;
  const pageSize = query.pageSize ?? 20;
  return repo.listTransfersUnder(ctx.db, {
    rootPath: root,
    direction: query.direction,
    status: query.status,
    limit: pageSize,
    offset: ((query.page ?? 1) - 1) * pageSize,
  });
}

/**
 * A destination may lie outside the caller's subtree (a worker moves to another city), so the
 * choice is the same public list of active grassroots unions a worker sees when joining.
 */
export function findTransferDestinations(ctx: AppContext, query: UnionSearchQuery): Promise<OrgRow[]> {
  return findUnionsToJoin(ctx, query);
}

export async function listMyTransfers(ctx: AppContext, actor: MemberActor): Promise<repo.TransferView[]> {
  const member = await getMyMembership(ctx, actor);
  return member ? repo.listTransfersOfMember(ctx.db, member.id) : [];
}

/**
 * The scheduled job: completes every open transfer whose thirty days have passed. Each transfer is
 * its own transaction, locked with SKIP LOCKED, so two runs at once (two servers) never complete
 * one twice, and a second run finds nothing left to do. A transfer that cannot complete (the member
 * left meanwhile) is logged and left for staff. Returns how many it completed.
 */
export async function runTransferAutoAccept(ctx: AppContext): Promise<number> {
  const now = ctx.clock.now();
  let completed = 0;
  let afterId = 0;
  for (;;) {
    const step = await inTransaction(ctx.db, async (tx) => {
      const due = await repo.lockNextDue(tx, now, afterId);
      if (!due) return null;
      try {
        // applyAction runs in a savepoint of this transaction: a failure undoes only its own writes.
        await applyAction({ ...ctx, db: tx }, null, due.id, 'auto_accept', null);
        return { id: due.id, done: true };
      } catch (err) {
        ctx.log.error({ err, transferId: due.id }, 'a transfer could not be completed automatically');
        return { id: due.id, done: false };
      }
    });
    if (!step) return completed;
    if (step.done) completed++;
    afterId = step.id;
  }
}
