import type { Transfer, TransferDetail, TransferStatus, TransferStep } from '@unionhub/contracts';
import type { CallerAction } from './transfers.policy.js';
import type { TransferStepRow, TransferView } from './transfers.repository.js';

export function presentTransfer(row: TransferView, allowedActions: CallerAction[]): Transfer {
  return {
    id: row.id,
    memberId: row.memberId,
    memberName: row.memberName,
    fromOrgId: row.fromOrgId,
    fromOrgName: row.fromOrgName,
    toOrgId: row.toOrgId,
    toOrgName: row.toOrgName,
    reason: row.reason,
    status: row.status as TransferStatus,
    startedBy: row.startedByType as Transfer['startedBy'],
    decisionReason: row.decisionReason,
    autoAcceptAt: row.autoAcceptAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    allowedActions,
  };
}

export function presentStep(row: TransferStepRow): TransferStep {
  return {
    action: row.action,
    fromStatus: row.fromStatus as TransferStatus | null,
    toStatus: row.toStatus as TransferStatus,
    actorType: row.actorType,
    actorName: row.actorName,
    reason: row.reason,
    at: row.at.toISOString(),
  };
}

export function presentTransferDetail(
  row: TransferView,
  history: TransferStepRow[],
  allowedActions: CallerAction[],
): TransferDetail {
  return { ...presentTransfer(row, allowedActions), history: history.map(presentStep) };
}
