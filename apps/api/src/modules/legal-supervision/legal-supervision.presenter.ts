import type {
  Inspection,
  InspectionFollowUp,
  InspectionStatus,
  InspectionSummary,
} from '@unionhub/contracts';
import { type AttachmentRow, presentAttachment } from '../attachments/index.js';
import { isOverdue } from './legal-supervision.policy.js';
import type { FollowUpRow, InspectionView } from './legal-supervision.repository.js';

export function presentInspectionSummary(row: InspectionView, today: string): InspectionSummary {
  return {
    id: row.id,
    org: { id: row.orgId, name: row.orgName },
    enterprise: { id: row.enterpriseId, name: row.enterpriseName, creditCode: row.creditCode },
    inspectedOn: row.inspectedOn,
    inspectors: row.inspectors,
    nonCompliant: row.nonCompliant,
    outstanding: row.outstanding,
    rectificationDueOn: row.rectificationDueOn,
    status: row.status as InspectionStatus,
    overdue: isOverdue(row, today),
    closedAt: row.closedAt ? row.closedAt.toISOString() : null,
    createdAt: row.createdAt.toISOString(),
  };
}

export interface InspectionFiles {
  inspection: AttachmentRow[];
  followUps: AttachmentRow[];
}

export function presentInspection(
  row: InspectionView,
  followUps: FollowUpRow[],
  files: InspectionFiles,
  today: string,
): Inspection {
  return {
    ...presentInspectionSummary(row, today),
    checklist: row.checklist,
    findings: row.findings,
    attachments: files.inspection.map(presentAttachment),
    followUps: followUps.map(
      (f): InspectionFollowUp => ({
        id: f.id,
        followedOn: f.followedOn,
        rectifiedItems: f.rectifiedItems,
        note: f.note,
        closed: f.closed,
        actorName: f.actorName,
        attachments: files.followUps.filter((a) => a.ownerId === f.id).map(presentAttachment),
        createdAt: f.createdAt.toISOString(),
      }),
    ),
    createdByName: row.createdByName,
  };
}
