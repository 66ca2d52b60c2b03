import { and, asc, count, eq, gt, ilike, inArray, lt, lte, ne, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { staffUsers } from '../auth/auth.schema.js';
import { orgs } from '../orgs/orgs.schema.js';
import { legalDutySlots, legalProviders } from './legal-providers.schema.js';

export type ProviderRow = typeof legalProviders.$inferSelect;
export type SlotRow = typeof legalDutySlots.$inferSelect;
export type ProviderView = ProviderRow & {
  orgName: string;
  orgPath: string;
  username: string | null;
};
export type SlotView = SlotRow & { providerName: string; providerKind: string; orgName: string };

const providerView = {
  provider: legalProviders,
  orgName: orgs.name,
  orgPath: orgs.path,
  username: staffUsers.username,
};

const selectProviders = (db: Db) =>
  db
    .select(providerView)
    .from(legalProviders)
    .innerJoin(orgs, eq(orgs.id, legalProviders.orgId))
    .leftJoin(staffUsers, eq(staffUsers.id, legalProviders.staffUserId));

const flatten = ({
  provider,
  ...rest
}: { provider: ProviderRow } & Omit<ProviderView, keyof ProviderRow>) => ({
  ...provider,
  ...rest,
});

export async function insertProvider(db: Db, values: Omit<typeof legalProviders.$inferInsert, 'id'>) {
  const [row] = await db.insert(legalProviders).values(values).returning({ id: legalProviders.id });
  return row!.id;
}

export async function updateProvider(
  db: Db,
  id: number,
  values: Partial<typeof legalProviders.$inferInsert>,
) {
  await db.update(legalProviders).set(values).where(eq(legalProviders.id, id));
}

export async function findProviderView(db: Db, id: number): Promise<ProviderView | null> {
  const [row] = await selectProviders(db).where(eq(legalProviders.id, id));
  return row ? flatten(row) : null;
}

export async function findProviderByStaffUser(db: Db, staffUserId: number): Promise<ProviderRow | null> {
  const [row] = await db.select().from(legalProviders).where(eq(legalProviders.staffUserId, staffUserId));
  return row ?? null;
}

/** Takes the provider's row lock: slot changes of one provider are serialised, so overlaps cannot slip in. */
export async function lockProvider(db: Db, id: number): Promise<ProviderRow | null> {
  const [row] = await db.select().from(legalProviders).where(eq(legalProviders.id, id)).for('update');
  return row ?? null;
}

export interface ProviderFilter {
  /** Only unions under this ltree path; null = everywhere. */
  root: string | null;
  /** Also unions above this ltree path (its ancestors). */
  above?: string | undefined;
  orgId?: number | undefined;
  q?: string | undefined;
  kind?: string | undefined;
  field?: string | undefined;
  status?: string | undefined;
  regionPrefix?: string | undefined;
  limit: number;
  offset: number;
}

export async function listProviders(db: Db, f: ProviderFilter) {
  const conds: SQL[] = [];
  if (f.root && f.above)
    conds.push(sql`(${orgs.path} <@ ${f.root}::ltree or ${orgs.path} @> ${f.above}::ltree)`);
  else if (f.root) conds.push(sql`${orgs.path} <@ ${f.root}::ltree`);
  if (f.orgId) conds.push(eq(legalProviders.orgId, f.orgId));
  if (f.kind) conds.push(eq(legalProviders.kind, f.kind));
  if (f.status) conds.push(eq(legalProviders.status, f.status));
  if (f.field) conds.push(sql`${f.field} = any(${legalProviders.fields})`);
  if (f.regionPrefix) conds.push(sql`${legalProviders.regionCode} like ${`${f.regionPrefix}%`}`);
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conds.push(or(ilike(legalProviders.name, like), ilike(legalProviders.firm, like))!);
  }
  const where = and(...conds);
  const [rows, [total]] = await Promise.all([
    selectProviders(db)
      .where(where)
      .orderBy(asc(legalProviders.name), asc(legalProviders.id))
      .limit(f.limit)
      .offset(f.offset),
    db
      .select({ n: count() })
      .from(legalProviders)
      .innerJoin(orgs, eq(orgs.id, legalProviders.orgId))
      .where(where),
  ]);
  return { items: rows.map(flatten), total: total!.n };
}

// ── Duty slots ──────────────────────────────────────────────────────────────────────────────────

const slotView = {
  slot: legalDutySlots,
  providerName: legalProviders.name,
  providerKind: legalProviders.kind,
  orgName: orgs.name,
};

const selectSlots = (db: Db) =>
  db
    .select(slotView)
    .from(legalDutySlots)
    .innerJoin(legalProviders, eq(legalProviders.id, legalDutySlots.providerId))
    .innerJoin(orgs, eq(orgs.id, legalDutySlots.orgId));

const flattenSlot = ({ slot, ...rest }: { slot: SlotRow } & Omit<SlotView, keyof SlotRow>): SlotView => ({
  ...slot,
  ...rest,
});

export async function insertSlot(db: Db, values: Omit<typeof legalDutySlots.$inferInsert, 'id'>) {
  const [row] = await db.insert(legalDutySlots).values(values).returning({ id: legalDutySlots.id });
  return row!.id;
}

export async function updateSlot(db: Db, id: number, values: Partial<typeof legalDutySlots.$inferInsert>) {
  await db.update(legalDutySlots).set(values).where(eq(legalDutySlots.id, id));
}

export async function deleteSlot(db: Db, id: number) {
  await db.delete(legalDutySlots).where(eq(legalDutySlots.id, id));
}

export async function findSlotView(db: Db, id: number): Promise<(SlotView & { orgPath: string }) | null> {
  const [row] = await db
    .select({ ...slotView, orgPath: orgs.path })
    .from(legalDutySlots)
    .innerJoin(legalProviders, eq(legalProviders.id, legalDutySlots.providerId))
    .innerJoin(orgs, eq(orgs.id, legalDutySlots.orgId))
    .where(eq(legalDutySlots.id, id));
  if (!row) return null;
  const { orgPath, ...rest } = row;
  return { ...flattenSlot(rest), orgPath };
}

/** The union's slots that overlap [from, to), in time order. */
export async function listSlotsBetween(db: Db, orgId: number, from: Date, to: Date): Promise<SlotView[]> {
  const rows = await selectSlots(db)
    .where(
      and(eq(legalDutySlots.orgId, orgId), lt(legalDutySlots.startsAt, to), gt(legalDutySlots.endsAt, from)),
    )
    .orderBy(asc(legalDutySlots.startsAt), asc(legalDutySlots.id));
  return rows.map(flattenSlot);
}

/** The provider's first slot (in any union) overlapping [from, to), other than the ones excluded. */
export async function findOverlap(
  db: Db,
  providerId: number,
  from: Date,
  to: Date,
  exclude: number[] = [],
): Promise<SlotView | null> {
  const conds: SQL[] = [
    eq(legalDutySlots.providerId, providerId),
    lt(legalDutySlots.startsAt, to),
    gt(legalDutySlots.endsAt, from),
  ];
  for (const id of exclude) conds.push(ne(legalDutySlots.id, id));
  const [row] = await selectSlots(db)
    .where(and(...conds))
    .orderBy(asc(legalDutySlots.startsAt))
    .limit(1);
  return row ? flattenSlot(row) : null;
}

export interface OnDuty {
  slotId: number;
  providerId: number;
  providerName: string;
  staffUserId: number | null;
  endsAt: Date;
}

/**
 * Active providers with an account on duty for the union at `at` covering the field (a slot with no
 * fields covers all), the earliest-started slot first.
 */
export async function listOnDuty(db: Db, orgId: number, field: string, at: Date): Promise<OnDuty[]> {
  return db
    .select({
      slotId: legalDutySlots.id,
      providerId: legalProviders.id,
      providerName: legalProviders.name,
      staffUserId: legalProviders.staffUserId,
      endsAt: legalDutySlots.endsAt,
    })
    .from(legalDutySlots)
    .innerJoin(legalProviders, eq(legalProviders.id, legalDutySlots.providerId))
    .where(
      and(
        eq(legalDutySlots.orgId, orgId),
        lte(legalDutySlots.startsAt, at),
        gt(legalDutySlots.endsAt, at),
        eq(legalProviders.status, 'active'),
        sql`${legalProviders.staffUserId} is not null`,
        sql`(cardinality(${legalDutySlots.fields}) = 0 or ${field} = any(${legalDutySlots.fields}))`,
      ),
    )
    .orderBy(asc(legalDutySlots.startsAt), asc(legalDutySlots.id));
}

/** Which of the given unions work with at least one active provider. */
export async function orgsWithProviders(db: Db, orgIds: number[]): Promise<Set<number>> {
  if (!orgIds.length) return new Set();
  const rows = await db
    .selectDistinct({ orgId: legalProviders.orgId })
    .from(legalProviders)
    .where(and(inArray(legalProviders.orgId, orgIds), eq(legalProviders.status, 'active')));
  return new Set(rows.map((r) => r.orgId));
}
