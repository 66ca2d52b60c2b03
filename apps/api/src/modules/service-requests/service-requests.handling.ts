import type {
  BulkAcceptBody,
  RequestActionBody,
  RequestMessageBody,
  RequestState,
  ServiceRequestQuery,
  StaffRequestAction,
} from '@unionhub/contracts';
import type { Db } from '../../db/client.js';
import { inTransaction } from '../../db/tx.js';
import { pathInScope } from '../../platform/access.js';
import type { StaffActor } from '../../platform/actor.js';
import { workingDaysDeadline } from '../../platform/calendar.js';
import type { AppContext, RequestMeta } from '../../platform/context.js';
import { AppError, validationError } from '../../platform/errors.js';
import { claimAttachments } from '../attachments/index.js';
import { recordAudit } from '../audit/index.js';
import { notify, notifyOrgStaff } from '../notifications/index.js';
import { findOrgById, getOrgInScope, listAncestorsOf } from '../orgs/index.js';
import { getServiceById } from '../services/index.js';
import { runCompletionCheck } from './service-requests.completion.js';
import {
  badTransition,
  commentRequired,
  notHandlingUnion,
  requestNotFound,
} from './service-requests.errors.js';
import * as repo from './service-requests.repository.js';
import { OWNER, postMessage } from './service-requests.service.js';
import { chinaDate, memberNoticeFor } from './service-requests.texts.js';
import {
  allowedStaffActions,
  COMMENT_REQUIRED,
  dueAtIn,
  staffTransitions,
} from './service-requests.workflow.js';

/** A request the staff user may see: handled in their subtree; anything else → 404. */
export async function getRequestInScope(db: Db, actor: StaffActor, id: number) {
  const row = await repo.findRequestView(db, id);
  if (!row || !pathInScope(actor, row.orgPath)) throw requestNotFound(id);
  return row;
}

/** Only the handling union's own staff, with the permission, act; higher levels look on. */
export function canAct(actor: StaffActor, row: Pick<repo.RequestRow, 'orgId'>): boolean {
  return actor.orgId === row.orgId && actor.permissions.has('request.handle');
}

export function staffActionsOf(actor: StaffActor, row: repo.RequestRow): string[] {
  if (!canAct(actor, row)) return [];
  const actions: string[] = allowedStaffActions(row.state as RequestState);
  if (row.state !== 'rejected' && row.state !== 'withdrawn') actions.push('message');
  if (!['completed', 'rejected', 'withdrawn'].includes(row.state)) actions.push('assign');
  return actions;
}

/**
 * A union's queue: its own requests (default), every union's below it, or the overdue ones it chases
 * (督办); filtered by state, openness, overdue, service, assignee or text; sorted by deadline.
 */
export async function listQueue(ctx: AppContext, actor: StaffActor, query: ServiceRequestQuery) {
  const org = query.orgId ? await getOrgInScope(ctx.db, actor, query.orgId) : null;
  const queue = query.queue ?? 'own';
  const pageSize = query.pageSize ?? 20;
  const where =
    queue === 'subtree'
      ? { underPath: org?.path ?? actor.orgPath }
      : queue === 'escalated'
        ? { escalationOrgId: org?.id ?? actor.orgId }
        : { orgId: org?.id ?? actor.orgId };
  return repo.listRequests(ctx.db, {
    ...where,
    ...(query.state ? { state: query.state } : {}),
    ...(query.open ? { open: true } : {}),
    ...(query.overdue ? { overdueAt: ctx.clock.now() } : {}),
    ...(query.serviceId ? { serviceId: query.serviceId } : {}),
    ...(query.assignedToMe ? { assigneeId: actor.id } : {}),
    ...(query.q?.trim() ? { q: query.q.trim() } : {}),
    sort: query.sort ?? 'deadline',
    limit: pageSize,
    offset: ((query.page ?? 1) - 1) * pageSize,
  });
}

/**
 * One staff action on a request of the caller's own union: the transition table decides, the step
 * is recorded with who, when, the comment and any files ("handled offline at … by …"), deadlines
 * move with the state, and the member is told.
 */
export async function actOnRequest(
  ctx: AppContext,
  actor: StaffActor,
  id: number,
  action: StaffRequestAction,
  body: RequestActionBody,
  meta: RequestMeta,
) {
  const seen = await getRequestInScope(ctx.db, actor, id);
  if (!canAct(actor, seen)) throw notHandlingUnion(seen.orgName);
  const comment = body.comment?.trim() || null;
  if (COMMENT_REQUIRED.has(action) && !comment) throw commentRequired(action);
  const target = action === 'transfer' ? await transferTarget(ctx, actor, seen, body.toOrgId) : null;
  const now = ctx.clock.now();
  await inTransaction(ctx.db, async (tx) => {
    const row = await repo.lockRequest(tx, id);
    if (!row || row.orgId !== seen.orgId) throw requestNotFound(id);
    const table = staffTransitions[row.state as RequestState];
    if (!(action in table))
      throw badTransition(row.state, action, allowedStaffActions(row.state as RequestState));
    const to = table[action] ?? (row.state as RequestState);
    const change: Partial<repo.RequestRow> = { state: to, updatedAt: now };
    if (action === 'accept') {
      const service = await getServiceById(tx, row.serviceId);
      change.acceptedAt = now;
      change.completeDueAt = workingDaysDeadline(now, service.completeWithinDays);
    }
    if (action === 'complete') {
      await runCompletionCheck(tx, row.requestType, id);
      change.completedAt = now;
    }
    if (action === 'transfer' && target) {
      change.orgId = target.id;
      change.assigneeId = null;
      change.acceptedAt = null;
      change.completeDueAt = null;
      change.escalationOrgId = null;
      change.escalatedAt = null;
      const service = await getServiceById(tx, row.serviceId);
      change.acceptDueAt = workingDaysDeadline(now, service.acceptWithinDays);
    }
    change.dueAt = dueAtIn(to, {
      acceptDueAt: change.acceptDueAt ?? row.acceptDueAt,
      completeDueAt: change.completeDueAt === undefined ? row.completeDueAt : change.completeDueAt,
    });
    // A request back on track is no longer chased.
    if (change.dueAt === null || change.dueAt > now) {
      change.escalationOrgId = null;
      change.escalatedAt = null;
    }
    await repo.updateRequest(tx, id, change);
    const eventId = await repo.insertEvent(tx, {
      requestId: id,
      action,
      fromState: row.state,
      toState: to,
      actorType: 'staff',
      actorId: actor.id,
      actorName: actor.displayName,
      orgId: actor.orgId,
      comment,
      details: target ? { fromOrgId: row.orgId, toOrgId: target.id } : null,
      createdAt: now,
    });
    if (body.attachments?.length)
      await claimAttachments(
        tx,
        actor,
        body.attachments,
        { type: OWNER.event, id: eventId },
        {
          path: 'body.attachments',
        },
      );
    const text = memberNoticeFor(action, {
      serviceName: seen.serviceName,
      orgName: seen.orgName,
      comment,
      completeDueAt: change.completeDueAt ?? row.completeDueAt,
      ...(target ? { newOrgName: target.name } : {}),
    });
    await notify(
      tx,
      [{ type: 'member', id: row.accountId }],
      { topic: 'service_request', kind: `request.${action}`, ...text, link: `/m/requests/${id}` },
      now,
    );
    if (target)
      await notifyOrgStaff(
        tx,
        target.id,
        'request.handle',
        {
          topic: 'service_request',
          kind: 'request.transferred',
          title: '转来的服务申请',
          body: `${seen.orgName}将${seen.memberName}的“${seen.serviceName}”（第 ${id} 号）转给本会办理，请于${chinaDate(change.acceptDueAt!)}前受理。`,
          link: `/admin/requests/${id}`,
        },
        now,
      );
    await recordAudit(tx, {
      actor,
      action: `service_request.${action}`,
      orgId: row.orgId,
      targetType: 'service_request',
      targetId: id,
      ...(target ? { details: { toOrgId: target.id } } : {}),
      meta,
    });
  });
  return getRequestInScope(ctx.db, actor, id).catch(async (err: unknown) => {
    // After a transfer out of the caller's subtree the request is no longer theirs to see.
    if (action === 'transfer') return (await repo.findRequestView(ctx.db, id))!;
    throw err;
  });
}

/**
 * Where a request may be passed on: another active union, in the caller's subtree or on the path
 * above it (a union may hand a request up to its federation).
 */
async function transferTarget(
  ctx: AppContext,
  actor: StaffActor,
  row: repo.RequestView,
  toOrgId: number | undefined,
) {
  const problem = (message: string) =>
    validationError([{ path: 'body.toOrgId', message, rule: 'request.transfer_target' }]);
  if (!toOrgId) throw problem('required to transfer a request');
  if (toOrgId === row.orgId) throw problem('is already the handling union');
  const org = await findOrgById(ctx.db, toOrgId);
  const above = org ? (await listAncestorsOf(ctx.db, actor.orgPath)).some((a) => a.id === org.id) : false;
  if (!org || org.status !== 'active' || !(pathInScope(actor, org.path) || above))
    throw problem('must be an active union in your subtree or above it');
  return org;
}

/** Accept many submitted requests at once; each is its own transaction, failures are reported per id. */
export async function bulkAccept(
  ctx: AppContext,
  actor: StaffActor,
  body: BulkAcceptBody,
  meta: RequestMeta,
) {
  const accepted: number[] = [];
  const failed: { id: number; code: string; message: string }[] = [];
  for (const id of body.ids) {
    try {
      await actOnRequest(ctx, actor, id, 'accept', body.comment ? { comment: body.comment } : {}, meta);
      accepted.push(id);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      failed.push({ id, code: err.code, message: err.message });
    }
  }
  return { accepted, failed };
}

/** Gives the request to one staff user of the handling union (or takes it back to the union). */
export async function assignRequest(
  ctx: AppContext,
  actor: StaffActor,
  id: number,
  staffId: number | null,
  meta: RequestMeta,
) {
  const seen = await getRequestInScope(ctx.db, actor, id);
  if (!canAct(actor, seen)) throw notHandlingUnion(seen.orgName);
  if (['completed', 'rejected', 'withdrawn'].includes(seen.state))
    throw badTransition(seen.state, 'assign', []);
  const assignee = staffId === null ? null : await repo.findStaffOfOrg(ctx.db, staffId, seen.orgId);
  if (staffId !== null && !assignee)
    throw validationError([
      { path: 'body.staffId', message: 'must be an active staff user of the handling union' },
    ]);
  const now = ctx.clock.now();
  await inTransaction(ctx.db, async (tx) => {
    await repo.updateRequest(tx, id, { assigneeId: staffId, updatedAt: now });
    await repo.insertEvent(tx, {
      requestId: id,
      action: 'assign',
      fromState: seen.state,
      toState: seen.state,
      actorType: 'staff',
      actorId: actor.id,
      actorName: actor.displayName,
      orgId: actor.orgId,
      comment: assignee ? `交由${assignee.displayName}办理` : '收回到本会待办',
      createdAt: now,
    });
    if (assignee && assignee.id !== actor.id)
      await notify(
        tx,
        [{ type: 'staff', id: assignee.id }],
        {
          topic: 'service_request',
          kind: 'request.assigned',
          title: '分派给您的服务申请',
          body: `${actor.displayName}把${seen.memberName}的“${seen.serviceName}”（第 ${id} 号）交给您办理。`,
          link: `/admin/requests/${id}`,
        },
        now,
      );
    await recordAudit(tx, {
      actor,
      action: 'service_request.assign',
      orgId: seen.orgId,
      targetType: 'service_request',
      targetId: id,
      details: { staffId },
      meta,
    });
  });
  return getRequestInScope(ctx.db, actor, id);
}

export async function postStaffMessage(
  ctx: AppContext,
  actor: StaffActor,
  id: number,
  body: RequestMessageBody,
) {
  const row = await getRequestInScope(ctx.db, actor, id);
  if (!canAct(actor, row)) throw notHandlingUnion(row.orgName);
  await postMessage(ctx, { actor, name: actor.displayName }, row, body);
  return getRequestInScope(ctx.db, actor, id);
}

/**
 * 督办: every overdue request not chased in the last day moves one level up — the union above the
 * one chasing it so far — which is told, as is the handling union. Run daily (hourly is fine: a
 * request is escalated at most once a day). SKIP LOCKED lets several processes run it.
 */
export async function runEscalation(ctx: AppContext, opts: { batch?: number } = {}): Promise<number> {
  const now = ctx.clock.now();
  let handled = 0;
  for (;;) {
    const n = await inTransaction(ctx.db, async (tx) => {
      const due = await repo.lockOverdueForEscalation(tx, now, opts.batch ?? 100);
      for (const row of due) {
        const handling = await findOrgById(tx, row.orgId);
        const chasing = row.escalationOrgId ? await findOrgById(tx, row.escalationOrgId) : handling;
        const next = chasing?.parentId ? await findOrgById(tx, chasing.parentId) : null;
        // At the top there is nobody further up: mark it chased today so it is looked at again tomorrow.
        await repo.updateRequest(tx, row.id, {
          escalatedAt: now,
          ...(next ? { escalationOrgId: next.id } : {}),
        });
        if (!next) continue;
        const view = (await repo.findRequestView(tx, row.id))!;
        const what = row.state === 'submitted' ? '受理' : '办结';
        await repo.insertEvent(tx, {
          requestId: row.id,
          action: 'escalate',
          fromState: row.state,
          toState: row.state,
          actorType: 'system',
          actorId: null,
          actorName: '系统',
          orgId: next.id,
          comment: `超过承诺时限未${what}，已提请${next.name}督办`,
          details: { escalationOrgId: next.id },
          createdAt: now,
        });
        await notifyOrgStaff(
          tx,
          next.id,
          'request.read',
          {
            topic: 'service_request',
            kind: 'request.escalated',
            title: '逾期申请督办',
            body: `${view.orgName}承办的“${view.serviceName}”（第 ${row.id} 号）已超过承诺时限未${what}，请督促办理。`,
            link: `/admin/requests/${row.id}`,
          },
          now,
        );
        await notifyHandlers(tx, view, now, what, next.name);
      }
      return due.length;
    });
    handled += n;
    if (n < (opts.batch ?? 100)) return handled;
  }
}

async function notifyHandlers(tx: Db, view: repo.RequestView, at: Date, what: string, chaser: string) {
  await notifyOrgStaff(
    tx,
    view.orgId,
    'request.handle',
    {
      topic: 'service_request',
      kind: 'request.overdue',
      title: '申请已逾期',
      body: `“${view.serviceName}”（第 ${view.id} 号）已超过承诺时限未${what}，${chaser}正在督办。`,
      link: `/admin/requests/${view.id}`,
    },
    at,
  );
}
