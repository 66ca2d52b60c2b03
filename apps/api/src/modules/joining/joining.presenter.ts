import type { JoinApplication, JoinApplicationItem, JoinApplicationStatus } from '@unionhub/contracts';
import type { JoinApplicationWithOrg } from './joining.repository.js';
import { allowedJoinActions } from './joining.workflow.js';

/** `today` is the China calendar date: an application is overdue the day after its deadline. */
export function presentApplication(row: JoinApplicationWithOrg, today: string): JoinApplication {
  return {
    id: row.id,
    orgId: row.orgId,
    orgName: row.orgName,
    name: row.name,
    idNumberMasked: row.idMasked,
    phoneMasked: row.phoneMasked,
    employerName: row.employerName,
    employerCreditCode: row.employerCreditCode,
    status: row.status as JoinApplicationStatus,
    contactDeadline: row.contactDeadline,
    overdue: row.status === 'pending' && today > row.contactDeadline,
    decisionReason: row.decisionReason,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    memberId: row.memberId,
    createdAt: row.createdAt.toISOString(),
  };
}

export function presentQueueItem(row: JoinApplicationWithOrg, today: string): JoinApplicationItem {
  return {
    ...presentApplication(row, today),
    allowedActions: allowedJoinActions(row.status as JoinApplicationStatus),
  };
}
