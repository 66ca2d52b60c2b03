import { and, asc, count, desc, eq, ilike, inArray, lte, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import { legalProviders } from '../legal-providers/index.js';
import { members } from '../members/members.schema.js';
import { orgs } from '../orgs/orgs.schema.js';
import {
  consultationEvents,
  consultationMessages,
  consultations,
  legalFaq,
  legalSettings,
} from './consultations.schema.js';

export type ConsultationRow = typeof consultations.$inferSelect;
export type EventRow = typeof consultationEvents.$inferSelect;
export type MessageRow = typeof consultationMessages.$inferSelect;
export type FaqRow = typeof legalFaq.$inferSelect;

const memberOrg = alias(orgs, 'member_org');

const view = {
  c: consultations,
  orgName: orgs.name,
  orgPath: orgs.path,
  memberName: members.name,
  memberOrgName: memberOrg.name,
  lawyerName: legalProviders.name,
  lawyerStaffUserId: legalProviders.staffUserId,
};

export type ConsultationView = ConsultationRow & {
  orgName: string;
  orgPath: string;
  memberName: string;
  memberOrgName: string;
  lawyerName: string | null;
  lawyerStaffUserId: number | null;
};

type Joined = { c: ConsultationRow } & Omit<ConsultationView, keyof ConsultationRow>;
const flatten = ({ c, ...rest }: Joined): ConsultationView => ({ ...c, ...rest });

const selectView = (db: Db) =>
  db
    .select(view)
    .from(consultations)
    .innerJoin(orgs, eq(orgs.id, consultations.orgId))
    .innerJoin(members, eq(members.id, consultations.memberId))
    .innerJoin(memberOrg, eq(memberOrg.id, consultations.memberOrgId))
    .leftJoin(legalProviders, eq(legalProviders.id, consultations.providerId));

export async function insertConsultation(db: Db, values: Omit<typeof consultations.$inferInsert, 'id'>) {
  const [row] = await db.insert(consultations).values(values).returning({ id: consultations.id });
  return row!.id;
}

export async function updateConsultation(
  db: Db,
  id: number,
  values: Partial<typeof consultations.$inferInsert>,
) {
  await db.update(consultations).set(values).where(eq(consultations.id, id));
}

export async function findView(db: Db, id: number): Promise<ConsultationView | null> {
  const [row] = await selectView(db).where(eq(consultations.id, id));
  return row ? flatten(row) : null;
}

export async function findByIdempotencyKey(db: Db, accountId: number, key: string) {
  const [row] = await db
    .select({ id: consultations.id, bodyHash: consultations.bodyHash })
    .from(consultations)
    .where(and(eq(consultations.accountId, accountId), eq(consultations.idempotencyKey, key)));
  return row ?? null;
}

export async function lockConsultation(db: Db, id: number): Promise<ConsultationRow | null> {
  const [row] = await db.select().from(consultations).where(eq(consultations.id, id)).for('update');
  return row ?? null;
}

export interface ListFilter {
  accountId?: number;
  providerId?: number;
  root?: string;
  orgId?: number;
  state?: string | undefined;
  open?: boolean | undefined;
  field?: string | undefined;
  limit: number;
  offset: number;
}

export async function listConsultations(db: Db, f: ListFilter) {
  const conds: SQL[] = [];
  if (f.accountId) conds.push(eq(consultations.accountId, f.accountId));
  if (f.providerId) conds.push(eq(consultations.providerId, f.providerId));
  if (f.root) conds.push(sql`${orgs.path} <@ ${f.root}::ltree`);
  if (f.orgId) conds.push(eq(consultations.orgId, f.orgId));
  if (f.state) conds.push(eq(consultations.state, f.state));
  if (f.open) conds.push(sql`${consultations.state} <> 'closed'`);
  if (f.field) conds.push(eq(consultations.field, f.field));
  const where = conds.length ? and(...conds) : undefined;
  // Waiting ones first (nobody has them), then the oldest open, then the rest newest first.
  const order = [
    sql`case ${consultations.state} when 'waiting' then 0 when 'assigned' then 1 when 'picked' then 2 else 3 end`,
    sql`case when ${consultations.state} in ('waiting','assigned','picked') then ${consultations.askedAt} end asc`,
    desc(consultations.askedAt),
  ];
  const [rows, [total]] = await Promise.all([
    selectView(db)
      .where(where)
      .orderBy(...order)
      .limit(f.limit)
      .offset(f.offset),
    db
      .select({ n: count() })
      .from(consultations)
      .innerJoin(orgs, eq(orgs.id, consultations.orgId))
      .where(where),
  ]);
  return { items: rows.map(flatten), total: total!.n };
}

export async function insertEvent(db: Db, values: Omit<typeof consultationEvents.$inferInsert, 'id'>) {
  await db.insert(consultationEvents).values(values);
}

export async function listEvents(db: Db, consultationId: number) {
  return db
    .select({ event: consultationEvents, orgName: orgs.name })
    .from(consultationEvents)
    .leftJoin(orgs, eq(orgs.id, consultationEvents.orgId))
    .where(eq(consultationEvents.consultationId, consultationId))
    .orderBy(asc(consultationEvents.id));
}

export async function insertMessage(db: Db, values: Omit<typeof consultationMessages.$inferInsert, 'id'>) {
  const [row] = await db
    .insert(consultationMessages)
    .values(values)
    .returning({ id: consultationMessages.id });
  return row!.id;
}

export async function listMessages(db: Db, consultationId: number): Promise<MessageRow[]> {
  return db
    .select()
    .from(consultationMessages)
    .where(eq(consultationMessages.consultationId, consultationId))
    .orderBy(asc(consultationMessages.id));
}

/** Assigned questions nobody picked up in time, locked for this pass (SKIP LOCKED). */
export async function lockOverduePickups(db: Db, now: Date, limit: number): Promise<ConsultationRow[]> {
  return db
    .select()
    .from(consultations)
    .where(and(eq(consultations.state, 'assigned'), lte(consultations.pickupDueAt, now)))
    .orderBy(asc(consultations.pickupDueAt))
    .limit(limit)
    .for('update', { skipLocked: true });
}

/** Questions waiting for a lawyer, oldest first, locked for this pass (SKIP LOCKED). */
export async function lockWaiting(db: Db, limit: number): Promise<ConsultationRow[]> {
  return db
    .select()
    .from(consultations)
    .where(eq(consultations.state, 'waiting'))
    .orderBy(asc(consultations.askedAt))
    .limit(limit)
    .for('update', { skipLocked: true });
}

// ── Settings ────────────────────────────────────────────────────────────────────────────────────

export async function findTimeouts(db: Db, orgIds: number[]): Promise<Map<number, number>> {
  if (!orgIds.length) return new Map();
  const rows = await db.select().from(legalSettings).where(inArray(legalSettings.orgId, orgIds));
  return new Map(rows.map((r) => [r.orgId, r.pickupTimeoutMinutes]));
}

export async function upsertTimeout(db: Db, orgId: number, minutes: number, now: Date) {
  await db
    .insert(legalSettings)
    .values({ orgId, pickupTimeoutMinutes: minutes, updatedAt: now })
    .onConflictDoUpdate({
      target: legalSettings.orgId,
      set: { pickupTimeoutMinutes: minutes, updatedAt: now },
    });
}

// ── FAQ ─────────────────────────────────────────────────────────────────────────────────────────

export type FaqView = FaqRow & {
  orgName: string;
  orgPath: string;
  anonymous: boolean | null;
  memberName: string | null;
};

const selectFaq = (db: Db) =>
  db
    .select({
      faq: legalFaq,
      orgName: orgs.name,
      orgPath: orgs.path,
      anonymous: consultations.anonymous,
      memberName: members.name,
    })
    .from(legalFaq)
    .innerJoin(orgs, eq(orgs.id, legalFaq.orgId))
    .leftJoin(consultations, eq(consultations.id, legalFaq.consultationId))
    .leftJoin(members, eq(members.id, consultations.memberId));

const flattenFaq = ({ faq, ...rest }: { faq: FaqRow } & Omit<FaqView, keyof FaqRow>): FaqView => ({
  ...faq,
  ...rest,
});

export async function insertFaq(db: Db, values: Omit<typeof legalFaq.$inferInsert, 'id'>) {
  const [row] = await db
    .insert(legalFaq)
    .values(values)
    .onConflictDoNothing({ target: legalFaq.consultationId })
    .returning({ id: legalFaq.id });
  return row?.id ?? null;
}

export async function updateFaq(db: Db, id: number, values: Partial<typeof legalFaq.$inferInsert>) {
  await db.update(legalFaq).set(values).where(eq(legalFaq.id, id));
}

export async function findFaq(db: Db, id: number): Promise<FaqView | null> {
  const [row] = await selectFaq(db).where(eq(legalFaq.id, id));
  return row ? flattenFaq(row) : null;
}

export async function listFaq(
  db: Db,
  f: {
    root?: string;
    orgId?: number;
    status?: string;
    q?: string;
    field?: string;
    limit: number;
    offset: number;
  },
) {
  const conds: SQL[] = [];
  if (f.root) conds.push(sql`${orgs.path} <@ ${f.root}::ltree`);
  if (f.orgId) conds.push(eq(legalFaq.orgId, f.orgId));
  if (f.status) conds.push(eq(legalFaq.status, f.status));
  if (f.field) conds.push(eq(legalFaq.field, f.field));
  if (f.q) conds.push(ilike(legalFaq.searchText, `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  const where = conds.length ? and(...conds) : undefined;
  const order = f.status === 'published' ? desc(legalFaq.publishedAt) : asc(legalFaq.createdAt);
  const [rows, [total]] = await Promise.all([
    selectFaq(db).where(where).orderBy(order, desc(legalFaq.id)).limit(f.limit).offset(f.offset),
    db.select({ n: count() }).from(legalFaq).innerJoin(orgs, eq(orgs.id, legalFaq.orgId)).where(where),
  ]);
  return { items: rows.map(flattenFaq), total: total!.n };
}
