import { createHash } from 'node:crypto';
import {
  type RateRequestBody,
  type RequestMessageBody,
  type RequestState,
  type ResubmitRequestBody,
  type ServiceHandler,
  type ServiceRequestQuery,
  type SubmitRequestBody,
  validateFormData,
} from '@unionhub/contracts';
import type { Db } from '../../db/client.js';
import { isUniqueViolation } from '../../db/errors.js';
import { inTransaction } from '../../db/tx.js';
import type { MemberActor, StaffActor } from '../../platform/actor.js';
import { workingDaysDeadline } from '../../platform/calendar.js';
import type { AppContext, RequestMeta } from '../../platform/context.js';
import { AppError, validationError } from '../../platform/errors.js';
import { type AttachmentRow, claimAttachments, listAttachmentsOf } from '../attachments/index.js';
import { recordAudit } from '../audit/index.js';
import type { MemberWithOrg } from '../members/index.js';
import { notify, notifyOrgStaff } from '../notifications/index.js';
import type { OrgRow } from '../orgs/index.js';
import { getServiceById, getServiceToFile, type ServiceWithOrg } from '../services/index.js';
import {
  badTransition,
  idempotencyKeyReused,
  notEligible,
  requestNotFound,
} from './service-requests.errors.js';
import * as repo from './service-requests.repository.js';
import { chinaDate } from './service-requests.texts.js';
import { allowedMemberActions, memberTransitions } from './service-requests.workflow.js';

export const OWNER = {
  request: 'service_request',
  event: 'request_event',
  message: 'request_message',
} as const;
const IDEMPOTENCY_KEY = 'service_requests_idempotency_key';

const LEVEL_OF: Partial<Record<ServiceHandler, string>> = {
  township: 'township',
  county: 'county',
  city: 'city',
  province: 'province',
};
const LEVEL_RANK = ['national', 'province', 'city', 'county', 'township', 'grassroots'];

/**
 * The union responsible for a member's request, from the unions on the member's path (top down):
 * their own union, the federation at the service's level above them (the nearest one higher up
 * when that level is missing, e.g. no township), or the publisher. Only an active union takes requests.
 */
export function routeRequest(path: OrgRow[], service: ServiceWithOrg, member: MemberWithOrg): OrgRow {
  const active = path.filter((o) => o.status === 'active');
  if (service.handler === 'publisher') {
    const publisher = active.find((o) => o.id === service.orgId);
    if (publisher) return publisher;
  } else if (service.handler === 'member_union') {
    const own = active.find((o) => o.id === member.orgId);
    if (own) return own;
  } else {
    const rank = LEVEL_RANK.indexOf(LEVEL_OF[service.handler as ServiceHandler]!);
    const candidates = active.filter((o) => LEVEL_RANK.indexOf(o.level) <= rank);
    const nearest = candidates.at(-1);
    if (nearest) return nearest;
  }
  // Nothing suitable is active on the path: the publisher takes it (it published the service).
  const publisher = path.find((o) => o.id === service.orgId);
  if (!publisher) throw new AppError('INTERNAL', `No union can handle service ${service.id}`);
  return publisher;
}

const hashBody = (body: SubmitRequestBody) =>
  createHash('sha256')
    .update(JSON.stringify([body.serviceId, body.data, body.attachments ?? []]))
    .digest('hex');

/** What the filing left behind: the new request as the member sees it, or the first one for a retry. */
export type Filed =
  | { id: number; request: repo.RequestView; timeline: Timeline }
  | { id: number; request: null; timeline: null };

/**
 * A member files a request: the service must be offered to them and they must meet its conditions;
 * the form and documents are checked against the service; the request goes to the responsible union
 * with its acceptance deadline, and that union's staff are told — all in one transaction. With an
 * Idempotency-Key, a retry returns the first request; the same key with another body is refused.
 * The new request and its first step are answered from what was written, without reading them again.
 */
export async function fileRequest(
  ctx: AppContext,
  actor: MemberActor,
  body: SubmitRequestBody,
  idempotencyKey: string | undefined,
  meta: RequestMeta,
  /** Run in the filing transaction once the request exists (e.g. legal aid links its consultation). */
  within?: (tx: Db, request: { id: number; requestType: string }) => Promise<void>,
): Promise<Filed> {
  const bodyHash = hashBody(body);
  // A retry is rare: its key is looked up only when this filing cannot go ahead.
  const firstFiled = async (err: unknown): Promise<Filed> => {
    const first = idempotencyKey ? await repo.findByIdempotencyKey(ctx.db, actor.id, idempotencyKey) : null;
    if (!first) throw err;
    if (first.bodyHash !== bodyHash) throw idempotencyKeyReused();
    return { id: first.id, request: null, timeline: null };
  };
  let filing: Awaited<ReturnType<typeof getServiceToFile>>;
  try {
    filing = await getServiceToFile(ctx, actor, body.serviceId);
    if (filing.reason) throw notEligible(filing.reason);
    const problems = validateFormData(filing.service.form, body.data);
    if (problems.length) throw validationError(problems, '请检查表单中标出的内容');
  } catch (err) {
    return firstFiled(err);
  }
  const { member, service } = filing;
  const org = routeRequest(filing.path, service, member);
  const now = ctx.clock.now();
  const acceptDueAt = workingDaysDeadline(now, service.acceptWithinDays);
  try {
    return await inTransaction(ctx.db, async (tx) => {
      const request = await repo.insertRequest(tx, {
        provinceCode: member.provinceCode,
        serviceId: service.id,
        requestType: service.requestType,
        orgId: org.id,
        accountId: actor.id,
        memberId: member.id,
        state: 'submitted',
        form: service.form,
        attachmentRequirements: service.attachments,
        data: body.data,
        idempotencyKey: idempotencyKey ?? null,
        bodyHash,
        submittedAt: now,
        acceptDueAt,
        dueAt: acceptDueAt,
        createdAt: now,
        updatedAt: now,
      });
      const id = request.id;
      const files = await claimAttachments(
        tx,
        actor,
        body.attachments ?? [],
        { type: OWNER.request, id },
        {
          path: 'body.attachments',
          requirements: service.attachments,
        },
      );
      if (within) await within(tx, { id, requestType: service.requestType });
      const event = await repo.insertEventReturning(tx, {
        requestId: id,
        action: 'submit',
        fromState: null,
        toState: 'submitted',
        actorType: 'member',
        actorId: actor.id,
        actorName: member.name,
        orgId: member.orgId,
        comment: null,
        createdAt: now,
      });
      await notifyOrgStaff(
        tx,
        org.id,
        'request.handle',
        {
          topic: 'service_request',
          kind: 'request.submitted',
          title: '新的服务申请',
          body: `${member.name}申请“${service.name}”（第 ${id} 号），请于${chinaDate(acceptDueAt)}前受理。`,
          link: `/admin/requests/${id}`,
        },
        now,
      );
      await recordAudit(tx, {
        actor,
        action: 'service_request.submit',
        orgId: org.id,
        targetType: 'service_request',
        targetId: id,
        meta,
      });
      const view: repo.RequestView = {
        ...request,
        serviceName: service.name,
        orgName: org.name,
        orgPath: org.path,
        memberName: member.name,
        memberIdMasked: member.idMasked,
        memberPhoneMasked: member.phoneMasked,
        memberOrgName: member.orgName,
        escalationOrgName: null,
        assigneeName: null,
      };
      const timeline: Timeline = {
        events: [{ event, orgName: member.orgName }],
        messages: [],
        files,
        eventFiles: [],
        messageFiles: [],
      };
      return { id, request: view, timeline };
    });
  } catch (err) {
    if (idempotencyKey && isUniqueViolation(err, IDEMPOTENCY_KEY)) return firstFiled(err);
    throw err;
  }
}

/** As {@link fileRequest}, for callers that need only the new request's id. */
export async function submitRequest(...args: Parameters<typeof fileRequest>): Promise<number> {
  return (await fileRequest(...args)).id;
}

/** The request as the member who filed it sees it; anyone else's → 404. */
export async function getMyRequest(ctx: AppContext, actor: MemberActor, id: number) {
  const row = await repo.findRequestView(ctx.db, id);
  if (!row || row.accountId !== actor.id) throw requestNotFound(id);
  return row;
}

export async function listMyRequests(ctx: AppContext, actor: MemberActor, query: ServiceRequestQuery) {
  const pageSize = query.pageSize ?? 20;
  return repo.listRequests(ctx.db, {
    accountId: actor.id,
    ...(query.state ? { state: query.state } : {}),
    ...(query.open ? { open: true } : {}),
    sort: query.sort ?? '-submittedAt',
    limit: pageSize,
    offset: ((query.page ?? 1) - 1) * pageSize,
  });
}

/** What the member may do now: the workflow's actions, a rating once completed, messages while open. */
export function memberActionsOf(row: repo.RequestRow): string[] {
  const actions: string[] = allowedMemberActions(row.state as RequestState);
  if (row.state === 'completed' && row.rating === null) actions.push('rate');
  if (row.state !== 'rejected' && row.state !== 'withdrawn') actions.push('message');
  return actions;
}

/** The member's own request, locked, with the name it was filed under (for the timeline and notices). */
async function lockMine(tx: Db, actor: MemberActor, id: number) {
  const row = await repo.lockRequestWithMemberName(tx, id);
  if (!row || row.accountId !== actor.id) throw requestNotFound(id);
  return row;
}

/** The member takes the request back (before work starts), or sends it again after a return. */
export async function memberAct(
  ctx: AppContext,
  actor: MemberActor,
  id: number,
  action: 'withdraw' | 'resubmit',
  body: ResubmitRequestBody,
  meta: RequestMeta,
) {
  const now = ctx.clock.now();
  await inTransaction(ctx.db, async (tx) => {
    const row = await lockMine(tx, actor, id);
    const name = row.memberName;
    const to = memberTransitions[row.state as RequestState][action];
    if (!to) throw badTransition(row.state, action, allowedMemberActions(row.state as RequestState));
    const change: Partial<repo.RequestRow> = { state: to, updatedAt: now };
    if (action === 'resubmit') {
      const data = body.data ?? row.data;
      const problems = validateFormData(row.form, data);
      if (problems.length) throw validationError(problems, '请检查表单中标出的内容');
      const service = await getServiceById(tx, row.serviceId);
      const acceptDueAt = workingDaysDeadline(now, service.acceptWithinDays);
      Object.assign(change, {
        data,
        acceptDueAt,
        dueAt: acceptDueAt,
        escalationOrgId: null,
        escalatedAt: null,
      });
    } else {
      change.dueAt = null;
    }
    await repo.updateRequest(tx, id, change);
    const eventId = await repo.insertEvent(tx, {
      requestId: id,
      action,
      fromState: row.state,
      toState: to,
      actorType: 'member',
      actorId: actor.id,
      actorName: name,
      orgId: null,
      comment: body.comment?.trim() || null,
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
    const view = (await repo.findRequestView(tx, id))!;
    await notifyHandlers(
      tx,
      view,
      {
        kind: `request.${action}`,
        title: action === 'withdraw' ? '会员撤回了申请' : '会员已补充并重新提交',
        body: `${name}${action === 'withdraw' ? '撤回了' : '补充并重新提交了'}“${view.serviceName}”（第 ${id} 号）${action === 'resubmit' && view.dueAt ? `，请于${chinaDate(view.dueAt)}前受理` : ''}。`,
      },
      now,
    );
    await recordAudit(tx, {
      actor,
      action: `service_request.${action}`,
      orgId: row.orgId,
      targetType: 'service_request',
      targetId: id,
      meta,
    });
  });
  return getMyRequest(ctx, actor, id);
}

/** The staff to tell about the member's side: the assignee if there is one, else the union's handlers. */
export async function notifyHandlers(
  tx: Db,
  view: repo.RequestView,
  notice: { kind: string; title: string; body: string; topic?: 'service_request' | 'message' },
  at: Date,
) {
  const input = {
    topic: notice.topic ?? ('service_request' as const),
    kind: notice.kind,
    title: notice.title,
    body: notice.body,
    link: `/admin/requests/${view.id}`,
  };
  if (view.assigneeId) await notify(tx, [{ type: 'staff', id: view.assigneeId }], input, at);
  else await notifyOrgStaff(tx, view.orgId, 'request.handle', input, at);
}

/** 满意度: once, after completion, 1–5 with an optional comment. */
export async function rateMyRequest(
  ctx: AppContext,
  actor: MemberActor,
  id: number,
  body: RateRequestBody,
  meta: RequestMeta,
) {
  const now = ctx.clock.now();
  await inTransaction(ctx.db, async (tx) => {
    const row = await lockMine(tx, actor, id);
    const name = row.memberName;
    if (row.state !== 'completed' || row.rating !== null)
      throw badTransition(row.state, 'rate', memberActionsOf(row));
    await repo.updateRequest(tx, id, {
      rating: body.rating,
      ratingComment: body.comment?.trim() || null,
      ratedAt: now,
      updatedAt: now,
    });
    await repo.insertEvent(tx, {
      requestId: id,
      action: 'rate',
      fromState: 'completed',
      toState: 'completed',
      actorType: 'member',
      actorId: actor.id,
      actorName: name,
      orgId: null,
      comment: `评价 ${body.rating} 星${body.comment?.trim() ? `：${body.comment.trim()}` : ''}`,
      createdAt: now,
    });
    await recordAudit(tx, {
      actor,
      action: 'service_request.rate',
      orgId: row.orgId,
      targetType: 'service_request',
      targetId: id,
      meta,
    });
  });
  return getMyRequest(ctx, actor, id);
}

/** A follow-up question from the member (or an answer from staff) on a request that is still open to talk. */
export async function postMessage(
  ctx: AppContext,
  author: { actor: MemberActor | StaffActor; name: string },
  row: repo.RequestView,
  body: RequestMessageBody,
) {
  if (row.state === 'rejected' || row.state === 'withdrawn') throw badTransition(row.state, 'message', []);
  const now = ctx.clock.now();
  await inTransaction(ctx.db, async (tx) => {
    const id = await repo.insertMessage(tx, {
      requestId: row.id,
      authorType: author.actor.kind,
      authorId: author.actor.id,
      authorName: author.name,
      text: body.text.trim(),
      createdAt: now,
    });
    if (body.attachments?.length)
      await claimAttachments(
        tx,
        author.actor,
        body.attachments,
        { type: OWNER.message, id },
        {
          path: 'body.attachments',
        },
      );
    if (author.actor.kind === 'member')
      await notifyHandlers(
        tx,
        row,
        {
          topic: 'message',
          kind: 'request.message',
          title: '会员留言',
          body: `${author.name}就“${row.serviceName}”（第 ${row.id} 号）留言：${body.text.trim().slice(0, 60)}`,
        },
        now,
      );
    else
      await notify(
        tx,
        [{ type: 'member', id: row.accountId }],
        {
          topic: 'message',
          kind: 'request.message',
          title: '工会回复了您的留言',
          body: `${row.orgName}就“${row.serviceName}”回复：${body.text.trim().slice(0, 60)}`,
          link: `/m/requests/${row.id}`,
        },
        now,
      );
  });
}

/** Everything the timeline shows: events and messages with their files, and the request's own files. */
export interface Timeline {
  events: { event: repo.EventRow; orgName: string | null }[];
  messages: repo.MessageRow[];
  files: AttachmentRow[];
  eventFiles: AttachmentRow[];
  messageFiles: AttachmentRow[];
}

export async function loadTimeline(db: Db, requestId: number): Promise<Timeline> {
  const [events, messages, files] = await Promise.all([
    repo.listEvents(db, requestId),
    repo.listMessages(db, requestId),
    listAttachmentsOf(db, OWNER.request, [requestId]),
  ]);
  const [eventFiles, messageFiles] = await Promise.all([
    listAttachmentsOf(
      db,
      OWNER.event,
      events.map((e) => e.event.id),
    ),
    listAttachmentsOf(
      db,
      OWNER.message,
      messages.map((m) => m.id),
    ),
  ]);
  return { events, messages, files, eventFiles, messageFiles };
}

/** A file of the request, one of its steps or one of its messages (the caller may read the request). */
export async function findRequestFile(db: Db, requestId: number, attachmentId: number) {
  const found = await repo.findFileOfRequest(db, OWNER, requestId, attachmentId);
  if (!found) throw new AppError('NOT_FOUND', `Attachment ${attachmentId} not found`);
  return found;
}
