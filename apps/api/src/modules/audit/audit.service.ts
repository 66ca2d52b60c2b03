import type { Db } from '../../db/client.js';
import type { Actor, StaffActor } from '../../platform/actor.js';
import type { RequestMeta } from '../../platform/context.js';
import { getOrgInScope } from '../orgs/orgs.service.js';
import { listAuditUnder } from './audit.repository.js';
import { auditLog } from './audit.schema.js';

export type AuditActor = Actor | { kind: 'system' | 'anonymous' | 'cli'; name?: string };

export interface AuditEntry {
  actor: AuditActor;
  action: string;
  orgId?: number | null;
  targetType?: string;
  targetId?: string | number;
  outcome?: 'success' | 'failure' | 'denied';
  details?: Record<string, unknown>;
  meta?: RequestMeta;
}

function actorFields(actor: AuditActor): {
  actorType: string;
  actorId: number | null;
  actorName: string | null;
} {
  switch (actor.kind) {
    case 'staff':
      return {
        actorType: actor.via === 'apikey' ? 'apikey' : 'staff',
        actorId: actor.id,
        actorName: actor.username,
      };
    case 'member':
      return { actorType: 'member', actorId: actor.id, actorName: null };
    default:
      return { actorType: actor.kind, actorId: null, actorName: actor.name ?? null };
  }
}

/**
 * Appends one entry. Pass the use case's transaction so that the entry exists exactly when the
 * change does; failures (a wrong password) are recorded with the plain handle, outside any
 * transaction that will roll back.
 */
export async function recordAudit(db: Db, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    ...actorFields(entry.actor),
    action: entry.action,
    orgId: entry.orgId ?? (entry.actor.kind === 'staff' ? entry.actor.orgId : null),
    targetType: entry.targetType ?? null,
    targetId: entry.targetId === undefined ? null : String(entry.targetId),
    outcome: entry.outcome ?? 'success',
    details: entry.details ?? null,
    ip: entry.meta?.ip ?? null,
    userAgent: entry.meta?.userAgent?.slice(0, 512) ?? null,
    requestId: entry.meta?.requestId ?? null,
  });
}

export async function listAudit(
  db: Db,
  actor: StaffActor,
  query: {
    orgId?: number | undefined;
    action?: string | undefined;
    actorId?: number | undefined;
    from?: string | undefined;
    to?: string | undefined;
    page?: number | undefined;
    pageSize?: number | undefined;
  },
) {
  const pageSize = query.pageSize ?? 20;
  return listAuditUnder(
    db,
    {
      rootPath: query.orgId ? (await getOrgInScope(db, actor, query.orgId)).path : actor.orgPath,
      action: query.action,
      actorId: query.actorId,
      from: query.from ? new Date(query.from) : undefined,
      to: query.to ? new Date(query.to) : undefined,
    },
    { limit: pageSize, offset: ((query.page ?? 1) - 1) * pageSize },
  );
}
