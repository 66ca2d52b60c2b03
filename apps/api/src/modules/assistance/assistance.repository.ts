import type { AssistanceQuery } from '@unionhub/contracts';
import { and, asc, count, desc, eq, inArray, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import { hardshipFiles } from '../hardship/index.js';
import { members } from '../members/members.schema.js';
import { orgs } from '../orgs/orgs.schema.js';
import {
  assistanceApplications as apps,
  assistanceBatches,
  assistanceBudgets,
  assistanceConfigs,
  assistanceEvents,
  assistanceLedger,
} from './assistance.schema.js';
import { COMMITTED_STATES, PENDING_STATES } from './assistance.workflow.js';

export type ApplicationRow = typeof apps.$inferSelect;
export type EventRow = typeof assistanceEvents.$inferSelect;
export type BatchRow = typeof assistanceBatches.$inferSelect;
export type ConfigRow = typeof assistanceConfigs.$inferSelect;

const memberOrg = alias(orgs, 'member_org');
const currentOrg = alias(orgs, 'current_org');
const payingOrg = alias(orgs, 'paying_org');

const view = {
  app: apps,
  memberName: members.name,
  memberPhoneHash: members.phoneHash,
  memberOrgName: memberOrg.name,
  memberOrgPath: memberOrg.path,
  currentOrgName: currentOrg.name,
  payingOrgName: payingOrg.name,
  tier: hardshipFiles.tier,
};
export type ApplicationView = ApplicationRow & {
  memberName: string;
  memberPhoneHash: Buffer;
  memberOrgName: string;
  memberOrgPath: string;
  currentOrgName: string | null;
  payingOrgName: string | null;
  tier: string | null;
};
type Joined = { app: ApplicationRow } & Omit<ApplicationView, keyof ApplicationRow>;
const flatten = ({ app, ...rest }: Joined): ApplicationView => ({ ...app, ...rest });

const base = (db: Db) =>
  db
    .select(view)
    .from(apps)
    .innerJoin(members, eq(members.id, apps.memberId))
    .innerJoin(memberOrg, eq(memberOrg.id, apps.orgId))
    .innerJoin(hardshipFiles, eq(hardshipFiles.id, apps.fileId))
    .leftJoin(currentOrg, eq(currentOrg.id, apps.currentOrgId))
    .leftJoin(payingOrg, eq(payingOrg.id, apps.payingOrgId));

export async function findView(db: Db, id: number): Promise<ApplicationView | null> {
  const [row] = await base(db).where(eq(apps.id, id));
  return row ? flatten(row as Joined) : null;
}

export async function lockApplication(db: Db, id: number): Promise<ApplicationRow | null> {
  const [row] = await db.select().from(apps).where(eq(apps.id, id)).for('update');
  return row ?? null;
}

export async function lockApplications(db: Db, ids: number[]): Promise<ApplicationRow[]> {
  return db.select().from(apps).where(inArray(apps.id, ids)).orderBy(asc(apps.id)).for('update');
}

export async function insertApplication(db: Db, values: typeof apps.$inferInsert): Promise<number> {
  const [row] = await db.insert(apps).values(values).returning({ id: apps.id });
  return row!.id;
}

export async function updateApplication(db: Db, id: number, change: Partial<ApplicationRow>) {
  await db.update(apps).set(change).where(eq(apps.id, id));
}

export async function insertEvent(db: Db, values: typeof assistanceEvents.$inferInsert) {
  await db.insert(assistanceEvents).values(values);
}

export async function listEvents(db: Db, applicationId: number) {
  return db
    .select({ event: assistanceEvents, orgName: orgs.name })
    .from(assistanceEvents)
    .leftJoin(orgs, eq(orgs.id, assistanceEvents.orgId))
    .where(eq(assistanceEvents.applicationId, applicationId))
    .orderBy(asc(assistanceEvents.id));
}

export interface ListFilter {
  scopePath?: string;
  currentOrgId?: number;
  accountId?: number;
  memberId?: number;
  payingOrgId?: number;
  payableAt?: Date;
  batchId?: number;
}

export async function listApplications(
  db: Db,
  filter: ListFilter,
  query: Pick<AssistanceQuery, 'state' | 'kind' | 'page' | 'pageSize'>,
): Promise<{ items: ApplicationView[]; total: number }> {
  const where: SQL[] = [];
  if (filter.scopePath) where.push(sql`${memberOrg.path} <@ ${filter.scopePath}::ltree`);
  if (filter.currentOrgId)
    where.push(eq(apps.currentOrgId, filter.currentOrgId), eq(apps.state, 'reviewing'));
  if (filter.accountId)
    where.push(
      or(
        eq(apps.accountId, filter.accountId),
        filter.memberId ? eq(apps.memberId, filter.memberId) : sql`false`,
      )!,
    );
  if (filter.payingOrgId) where.push(eq(apps.payingOrgId, filter.payingOrgId));
  if (filter.payableAt)
    where.push(
      inArray(apps.state, ['approved', 'failed']),
      or(isNull(apps.noticeUntil), lte(apps.noticeUntil, filter.payableAt))!,
    );
  if (filter.batchId) where.push(eq(apps.batchId, filter.batchId));
  if (query.state) where.push(eq(apps.state, query.state));
  if (query.kind) where.push(eq(apps.kind, query.kind));
  const filterSql = where.length ? and(...where) : undefined;
  const pageSize = query.pageSize ?? 20;
  const [rows, [total]] = await Promise.all([
    base(db)
      .where(filterSql)
      .orderBy(filter.currentOrgId ? asc(apps.dueAt) : desc(apps.id))
      .limit(pageSize)
      .offset(((query.page ?? 1) - 1) * pageSize),
    db.select({ n: count() }).from(apps).innerJoin(memberOrg, eq(memberOrg.id, apps.orgId)).where(filterSql),
  ]);
  return { items: rows.map((r) => flatten(r as Joined)), total: total?.n ?? 0 };
}

/** What a household has used of a kind in a year: approved amounts, and requested ones still pending. */
export async function usedThisYear(db: Db, fileId: number, kind: string, year: number, exceptId?: number) {
  const [row] = await db
    .select({
      used: sql<string>`coalesce(sum(case when ${apps.state} in (${sql.join(
        COMMITTED_STATES.map((s) => sql`${s}`),
        sql`, `,
      )}) then ${apps.amountApprovedFen} when ${apps.state} in (${sql.join(
        PENDING_STATES.map((s) => sql`${s}`),
        sql`, `,
      )}) then coalesce(${apps.amountApprovedFen}, ${apps.amountRequestedFen}) else 0 end), 0)`,
    })
    .from(apps)
    .where(
      and(
        eq(apps.fileId, fileId),
        eq(apps.kind, kind),
        eq(apps.year, year),
        exceptId ? sql`${apps.id} <> ${exceptId}` : undefined,
      ),
    );
  return Number(row?.used ?? 0);
}

/** Per kind for a union and year: the budget, what approvals committed and what was paid. */
export async function budgetLines(db: Db, orgId: number, year: number) {
  const [budgets, used] = await Promise.all([
    db
      .select()
      .from(assistanceBudgets)
      .where(and(eq(assistanceBudgets.orgId, orgId), eq(assistanceBudgets.year, year))),
    db
      .select({
        kind: apps.kind,
        committed: sql<string>`coalesce(sum(${apps.amountApprovedFen}) filter (where ${apps.state} in ('approved','in_batch','paid')), 0)`,
        paid: sql<string>`coalesce(sum(${apps.amountApprovedFen}) filter (where ${apps.state} = 'paid'), 0)`,
      })
      .from(apps)
      .where(and(eq(apps.payingOrgId, orgId), eq(apps.year, year)))
      .groupBy(apps.kind),
  ]);
  return {
    budgets,
    used: used.map((u) => ({ kind: u.kind, committed: Number(u.committed), paid: Number(u.paid) })),
  };
}

export async function lockBudget(db: Db, orgId: number, year: number, kind: string) {
  const [row] = await db
    .select()
    .from(assistanceBudgets)
    .where(
      and(
        eq(assistanceBudgets.orgId, orgId),
        eq(assistanceBudgets.year, year),
        eq(assistanceBudgets.kind, kind),
      ),
    )
    .for('update');
  return row ?? null;
}

export async function upsertBudget(db: Db, values: typeof assistanceBudgets.$inferInsert) {
  await db
    .insert(assistanceBudgets)
    .values(values)
    .onConflictDoUpdate({
      target: [assistanceBudgets.orgId, assistanceBudgets.year, assistanceBudgets.kind],
      set: { amountFen: values.amountFen, updatedAt: values.updatedAt },
    });
}

export async function insertLedger(db: Db, values: typeof assistanceLedger.$inferInsert) {
  await db.insert(assistanceLedger).values(values);
}

export async function listLedger(db: Db, orgId: number, year: number) {
  return db
    .select()
    .from(assistanceLedger)
    .where(and(eq(assistanceLedger.orgId, orgId), eq(assistanceLedger.year, year)))
    .orderBy(desc(assistanceLedger.id))
    .limit(500);
}

export async function insertBatch(db: Db, values: typeof assistanceBatches.$inferInsert): Promise<number> {
  const [row] = await db.insert(assistanceBatches).values(values).returning({ id: assistanceBatches.id });
  return row!.id;
}

export async function findBatch(db: Db, id: number) {
  const [row] = await db
    .select({ batch: assistanceBatches, orgName: orgs.name, orgPath: orgs.path })
    .from(assistanceBatches)
    .innerJoin(orgs, eq(orgs.id, assistanceBatches.orgId))
    .where(eq(assistanceBatches.id, id));
  return row ?? null;
}

export async function updateBatch(db: Db, id: number, change: Partial<BatchRow>) {
  await db.update(assistanceBatches).set(change).where(eq(assistanceBatches.id, id));
}

export async function listBatches(db: Db, scopePath: string, orgId?: number) {
  return db
    .select({ batch: assistanceBatches, orgName: orgs.name, orgPath: orgs.path })
    .from(assistanceBatches)
    .innerJoin(orgs, eq(orgs.id, assistanceBatches.orgId))
    .where(
      and(sql`${orgs.path} <@ ${scopePath}::ltree`, orgId ? eq(assistanceBatches.orgId, orgId) : undefined),
    )
    .orderBy(desc(assistanceBatches.id))
    .limit(200);
}

/** 公示: applications approved with a notice period still running, paid by unions on the member's path. */
export async function listNotices(db: Db, payingOrgIds: number[], now: Date) {
  return base(db)
    .where(
      and(
        inArray(apps.payingOrgId, payingOrgIds),
        sql`${apps.noticeUntil} > ${now.toISOString()}::timestamptz`,
        inArray(apps.state, ['approved', 'in_batch', 'paid']),
      ),
    )
    .orderBy(desc(apps.approvedAt))
    .limit(100)
    .then((rows) => rows.map((r) => flatten(r as Joined)));
}
export { assistanceApplications as applicationsTable } from './assistance.schema.js';

/** The review configurations written by any of the unions (a member's path), of one kind or all. */
export async function listConfigsOf(db: Db, orgIds: number[], kind?: string): Promise<ConfigRow[]> {
  if (!orgIds.length) return [];
  return db
    .select()
    .from(assistanceConfigs)
    .where(
      and(inArray(assistanceConfigs.orgId, orgIds), kind ? eq(assistanceConfigs.kind, kind) : undefined),
    );
}

/** Writes a union's configuration of a kind (one row per union and kind). */
export async function upsertConfig(db: Db, values: typeof assistanceConfigs.$inferInsert) {
  const { orgId: _org, kind: _kind, ...set } = values;
  await db
    .insert(assistanceConfigs)
    .values(values)
    .onConflictDoUpdate({ target: [assistanceConfigs.orgId, assistanceConfigs.kind], set });
}

/** Removes a union's own configuration of a kind; the number of rows removed (0 or 1). */
export async function deleteConfig(db: Db, orgId: number, kind: string): Promise<number> {
  const rows = await db
    .delete(assistanceConfigs)
    .where(and(eq(assistanceConfigs.orgId, orgId), eq(assistanceConfigs.kind, kind)))
    .returning({ id: assistanceConfigs.id });
  return rows.length;
}
