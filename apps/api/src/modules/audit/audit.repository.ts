import { and, count, desc, eq, gte, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { orgs } from '../orgs/orgs.schema.js';
import { auditLog } from './audit.schema.js';

export type AuditRow = typeof auditLog.$inferSelect;

export interface AuditFilter {
  rootPath: string;
  action?: string | undefined;
  actorId?: number | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
}

export async function listAuditUnder(
  db: Db,
  filter: AuditFilter,
  page: { limit: number; offset: number },
): Promise<{ items: AuditRow[]; total: number }> {
  const where = and(
    sql`${orgs.path} <@ ${filter.rootPath}::ltree`,
    filter.action ? eq(auditLog.action, filter.action) : undefined,
    filter.actorId ? eq(auditLog.actorId, filter.actorId) : undefined,
    filter.from ? gte(auditLog.occurredAt, filter.from) : undefined,
    filter.to ? lte(auditLog.occurredAt, filter.to) : undefined,
  );
  const rows = await db
    .select({ entry: auditLog })
    .from(auditLog)
    .innerJoin(orgs, eq(orgs.id, auditLog.orgId))
    .where(where)
    .orderBy(desc(auditLog.occurredAt), desc(auditLog.id))
    .limit(page.limit)
    .offset(page.offset);
  const [total] = await db
    .select({ n: count() })
    .from(auditLog)
    .innerJoin(orgs, eq(orgs.id, auditLog.orgId))
    .where(where);
  return { items: rows.map((r) => r.entry), total: total?.n ?? 0 };
}
