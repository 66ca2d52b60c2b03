import type { RequestState, ServiceRequestDetail, ServiceRequestSummary } from '@unionhub/contracts';
import { presentAttachment } from '../attachments/index.js';
import type { RequestSummaryRow, RequestView } from './service-requests.repository.js';
import type { loadTimeline } from './service-requests.service.js';

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** Which promise a request is breaking now, if any. */
export function overdueOf(
  row: Pick<RequestView, 'state' | 'dueAt'>,
  now: Date,
): 'accept' | 'complete' | null {
  if (!row.dueAt || row.dueAt >= now) return null;
  return row.state === 'submitted' ? 'accept' : 'complete';
}

export function presentSummary(row: RequestSummaryRow, now: Date): ServiceRequestSummary {
  return {
    id: row.id,
    serviceId: row.serviceId,
    serviceName: row.serviceName,
    requestType: row.requestType,
    org: { id: row.orgId, name: row.orgName },
    state: row.state as RequestState,
    memberName: row.memberName,
    submittedAt: row.submittedAt.toISOString(),
    acceptDueAt: row.acceptDueAt.toISOString(),
    completeDueAt: iso(row.completeDueAt),
    overdue: overdueOf(row, now),
    escalatedTo:
      row.escalationOrgId && row.escalationOrgName
        ? { id: row.escalationOrgId, name: row.escalationOrgName }
        : null,
    assignee: row.assigneeId && row.assigneeName ? { id: row.assigneeId, name: row.assigneeName } : null,
    rating: row.rating,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentDetail(
  row: RequestView,
  timeline: Awaited<ReturnType<typeof loadTimeline>>,
  allowedActions: string[],
  now: Date,
): ServiceRequestDetail {
  const filesOf = <T extends { ownerId: number | null }>(files: T[], id: number) =>
    files.filter((f) => f.ownerId === id);
  return {
    ...presentSummary(row, now),
    form: row.form,
    attachmentRequirements: row.attachmentRequirements,
    data: row.data,
    attachments: timeline.files.map(presentAttachment),
    member: {
      id: row.memberId,
      name: row.memberName,
      idNumberMasked: row.memberIdMasked,
      phoneMasked: row.memberPhoneMasked,
      orgName: row.memberOrgName,
    },
    acceptedAt: iso(row.acceptedAt),
    completedAt: iso(row.completedAt),
    ratingComment: row.ratingComment,
    events: timeline.events.map(({ event, orgName }) => ({
      id: event.id,
      action: event.action,
      fromState: event.fromState as RequestState | null,
      toState: event.toState as RequestState | null,
      actorType: event.actorType as 'member' | 'staff' | 'system',
      actorName: event.actorName,
      orgName,
      comment: event.comment,
      attachments: filesOf(timeline.eventFiles, event.id).map(presentAttachment),
      createdAt: event.createdAt.toISOString(),
    })),
    messages: timeline.messages.map((m) => ({
      id: m.id,
      authorType: m.authorType as 'member' | 'staff',
      authorName: m.authorName,
      text: m.text,
      attachments: filesOf(timeline.messageFiles, m.id).map(presentAttachment),
      createdAt: m.createdAt.toISOString(),
    })),
    allowedActions,
  };
}
