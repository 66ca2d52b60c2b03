import { and, asc, count, desc, eq, ilike, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { enterprises } from '../enterprises/enterprises.schema.js';
import { orgs } from '../orgs/orgs.schema.js';
import { legalInspectionFollowUps, legalInspections } from './legal-supervision.schema.js';

export type InspectionRow = typeof legalInspections.$inferSelect;
export type InspectionView = InspectionRow & {
  orgName: string;
  orgPath: string;
  enterpriseName: string;
  creditCode: string;
};
export type FollowUpRow = typeof legalInspectionFollowUps.$inferSelect;

const withNames = {
  inspection: legalInspections,
  orgName: orgs.name,
  orgPath: orgs.path,
  enterpriseName: enterprises.name,
  creditCode: enterprises.creditCode,
};
type Joined = { inspection: InspectionRow } & Omit<InspectionView, keyof InspectionRow>;
const flatten = ({ inspection, ...names }: Joined): InspectionView => ({ ...inspection, ...names });

export async function insertInspection(db: Db, values: Omit<typeof legalInspections.$inferInsert, 'id'>) {
  const [row] = await db.insert(legalInspections).values(values).returning({ id: legalInspections.id });
  return row!.id;
}

export async function updateInspection(
  db: Db,
  id: number,
  values: Partial<typeof legalInspections.$inferInsert>,
) {
  await db.update(legalInspections).set(values).where(eq(legalInspections.id, id));
}

export async function findInspectionView(db: Db, id: number): Promise<InspectionView | null> {
  const [row] = await db
    .select(withNames)
    .from(legalInspections)
    .innerJoin(orgs, eq(orgs.id, legalInspections.orgId))
    .innerJoin(enterprises, eq(enterprises.id, legalInspections.enterpriseId))
    .where(eq(legalInspections.id, id));
  return row ? flatten(row) : null;
}

export async function lockInspection(db: Db, id: number): Promise<InspectionRow | null> {
  const [row] = await db.select().from(legalInspections).where(eq(legalInspections.id, id)).for('update');
  return row ?? null;
}

export async function listInspectionsUnder(
  db: Db,
  opts: {
    rootPath: string;
    today: string;
    orgId?: number;
    enterpriseId?: number;
    status?: string;
    overdue?: boolean;
    q?: string;
    limit: number;
    offset: number;
  },
) {
  const overdue = and(
    eq(legalInspections.status, 'rectifying'),
    lt(legalInspections.rectificationDueOn, opts.today),
  );
  const where = and(
    sql`${orgs.path} <@ ${opts.rootPath}::ltree`,
    opts.orgId ? eq(legalInspections.orgId, opts.orgId) : undefined,
    opts.enterpriseId ? eq(legalInspections.enterpriseId, opts.enterpriseId) : undefined,
    opts.status ? eq(legalInspections.status, opts.status) : undefined,
    opts.overdue === undefined ? undefined : opts.overdue ? overdue : sql`not coalesce(${overdue}, false)`,
    opts.q
      ? or(ilike(enterprises.name, `%${opts.q}%`), eq(enterprises.creditCode, opts.q.toUpperCase()))
      : undefined,
  );
  const from = () =>
    db
      .select(withNames)
      .from(legalInspections)
      .innerJoin(orgs, eq(orgs.id, legalInspections.orgId))
      .innerJoin(enterprises, eq(enterprises.id, legalInspections.enterpriseId))
      .where(where);
  const [items, [total]] = await Promise.all([
    from()
      .orderBy(desc(legalInspections.inspectedOn), desc(legalInspections.id))
      .limit(opts.limit)
      .offset(opts.offset),
    db
      .select({ n: count() })
      .from(legalInspections)
      .innerJoin(orgs, eq(orgs.id, legalInspections.orgId))
      .innerJoin(enterprises, eq(enterprises.id, legalInspections.enterpriseId))
      .where(where),
  ]);
  return { items: items.map(flatten), total: total?.n ?? 0 };
}

export async function insertFollowUp(
  db: Db,
  values: Omit<typeof legalInspectionFollowUps.$inferInsert, 'id'>,
) {
  const [row] = await db.insert(legalInspectionFollowUps).values(values).returning();
  return row!;
}

export async function listFollowUps(db: Db, inspectionId: number): Promise<FollowUpRow[]> {
  return db
    .select()
    .from(legalInspectionFollowUps)
    .where(eq(legalInspectionFollowUps.inspectionId, inspectionId))
    .orderBy(asc(legalInspectionFollowUps.id));
}

/** Overdue rectifications whose union was not yet reminded today, locked for this pass. */
export async function lockOverdueToRemind(db: Db, today: string, limit: number) {
  return db
    .select()
    .from(legalInspections)
    .where(
      and(
        eq(legalInspections.status, 'rectifying'),
        lt(legalInspections.rectificationDueOn, today),
        or(sql`${legalInspections.overdueNotifiedOn} is null`, lt(legalInspections.overdueNotifiedOn, today)),
      ),
    )
    .orderBy(asc(legalInspections.rectificationDueOn))
    .limit(limit)
    .for('update', { skipLocked: true });
}
