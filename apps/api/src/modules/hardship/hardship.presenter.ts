import type { HardshipFileDetail, HardshipFileSummary } from '@unionhub/contracts';
import { type AttachmentRow, presentAttachment } from '../attachments/index.js';
import { chinaToday } from '../members/index.js';
import type { FileView, HouseholdRow } from './hardship.repository.js';
import type { hardshipRechecks } from './hardship.schema.js';

export function presentFileSummary(f: FileView, now: Date): HardshipFileSummary {
  const today = chinaToday(now);
  return {
    id: f.id,
    state: f.state as HardshipFileSummary['state'],
    memberId: f.memberId,
    memberName: f.memberName,
    memberIdMasked: f.memberIdMasked,
    org: { id: f.orgId, name: f.orgName },
    tier: f.tier as HardshipFileSummary['tier'],
    causes: f.causes as HardshipFileSummary['causes'],
    incomePerPersonFen: f.incomePerPersonFen,
    householdSize: f.householdSize,
    lastCheckedOn: f.lastCheckedOn,
    recheckDueOn: f.recheckDueOn,
    recheckOverdue: f.state === 'open' && !!f.recheckDueOn && f.recheckDueOn < today,
    watchUntil: f.watchUntil,
    watched: f.state === 'closed' && !!f.watchUntil && f.watchUntil >= today,
    createdAt: f.createdAt.toISOString(),
  };
}

export function presentHousehold(rows: HouseholdRow[], idNumbers: string[] | null) {
  return rows.map((h, i) => ({
    name: h.name,
    relationship: h.relationship as HardshipFileDetail['household'][number]['relationship'],
    idMasked: h.idMasked,
    ...(idNumbers ? { idNumber: idNumbers[i]! } : {}),
    health: h.health as HardshipFileDetail['household'][number]['health'],
    jobStatus: h.jobStatus as HardshipFileDetail['household'][number]['jobStatus'],
  }));
}

export function presentFileDetail(
  r: {
    file: FileView;
    household: HouseholdRow[];
    rechecks: (typeof hardshipRechecks.$inferSelect)[];
    idNumbers: string[] | null;
  },
  files: AttachmentRow[],
  now: Date,
): HardshipFileDetail {
  return {
    ...presentFileSummary(r.file, now),
    household: presentHousehold(r.household, r.idNumbers),
    note: r.file.note,
    closedReason: r.file.closedReason,
    attachments: files.map(presentAttachment),
    rechecks: r.rechecks.map((c) => ({
      id: c.id,
      checkedOn: c.checkedOn,
      incomePerPersonFen: c.incomePerPersonFen,
      tier: c.tier as HardshipFileDetail['tier'],
      note: c.note,
      actorName: c.actorName,
    })),
    full: r.idNumbers !== null,
  };
}
