import type { AuditEntry } from '@unionhub/contracts';
import type { AuditRow } from './audit.repository.js';

export function presentAuditEntry(e: AuditRow): AuditEntry {
  return {
    id: e.id,
    occurredAt: e.occurredAt.toISOString(),
    actorType: e.actorType,
    actorId: e.actorId,
    actorName: e.actorName,
    orgId: e.orgId,
    action: e.action,
    targetType: e.targetType,
    targetId: e.targetId,
    outcome: e.outcome,
    ip: e.ip,
    details: e.details ?? null,
  };
}
