import type { JoinApplicationStatus } from '@unionhub/contracts';
import { and, count, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { orgs } from '../orgs/index.js';
import { joinApplications } from './joining.schema.js';

export type JoinApplicationRow = typeof joinApplications.$inferSelect;
export type JoinApplicationWithOrg = JoinApplicationRow & { orgName: string; orgPath: string };

const withOrg = { application: joinApplications, orgName: orgs.name, orgPath: orgs.path };
const flatten = (r: {
  application: JoinApplicationRow;
  orgName: string;
  orgPath: string;
}): JoinApplicationWithOrg => ({ ...r.application, orgName: r.orgName, orgPath: r.orgPath });

const selectWithOrg = (db: Db) =>
  db.select(withOrg).from(joinApplications).innerJoin(orgs, eq(orgs.id, joinApplications.orgId));

export async function findApplicationById(db: Db, id: number): Promise<JoinApplicationWithOrg | null> {
  const [row] = await selectWithOrg(db).where(eq(joinApplications.id, id)).limit(1);
  return row ? flatten(row) : null;
}

/** The row under a lock, for a decision that must not race another. */
export async function lockApplication(db: Db, id: number): Promise<JoinApplicationRow | null> {
  const [row] = await db.select().from(joinApplications).where(eq(joinApplications.id, id)).for('update');
  return row ?? null;
}

export async function findByIdempotencyKey(
  db: Db,
  accountId: number,
  key: string,
): Promise<JoinApplicationWithOrg | null> {
  const [row] = await selectWithOrg(db)
    .where(and(eq(joinApplications.accountId, accountId), eq(joinApplications.idempotencyKey, key)))
    .limit(1);
  return row ? flatten(row) : null;
}

export async function findPendingOf(db: Db, accountId: number): Promise<JoinApplicationRow | null> {
  const [row] = await db
    .select()
    .from(joinApplications)
    .where(and(eq(joinApplications.accountId, accountId), eq(joinApplications.status, 'pending')))
    .limit(1);
  return row ?? null;
}

export async function insertApplication(
  db: Db,
  values: Omit<typeof joinApplications.$inferInsert, 'id'>,
): Promise<number> {
  const [row] = await db.insert(joinApplications).values(values).returning({ id: joinApplications.id });
  return row!.id;
}

export async function updateApplication(
  db: Db,
  id: number,
  change: Partial<
    Pick<JoinApplicationRow, 'status' | 'decisionReason' | 'decidedBy' | 'decidedAt' | 'memberId'>
  >,
  at: Date,
): Promise<void> {
  await db
    .update(joinApplications)
    .set({ ...change, updatedAt: at })
    .where(eq(joinApplications.id, id));
}

export async function listApplicationsOf(db: Db, accountId: number): Promise<JoinApplicationWithOrg[]> {
  const rows = await selectWithOrg(db)
    .where(eq(joinApplications.accountId, accountId))
    .orderBy(desc(joinApplications.createdAt), desc(joinApplications.id));
  return rows.map(flatten);
}

/** Applications to unions under `rootPath`, oldest first (the queue order). */
export async function listApplicationsUnder(
  db: Db,
  filter: {
    rootPath: string;
    status?: JoinApplicationStatus | undefined;
    name?: string | undefined;
    limit: number;
    offset: number;
  },
): Promise<{ items: JoinApplicationWithOrg[]; total: number }> {
  const where = and(
    sql`${orgs.path} <@ ${filter.rootPath}::ltree`,
    filter.status ? eq(joinApplications.status, filter.status) : undefined,
    // A union's queue is short (pending plus recent decisions): a substring scan is enough.
    filter.name ? sql`strpos(${joinApplications.name}, ${filter.name}) > 0` : undefined,
  );
  const rows = await selectWithOrg(db)
    .where(where)
    .orderBy(joinApplications.createdAt, joinApplications.id)
    .limit(filter.limit)
    .offset(filter.offset);
  const [total] = await db
    .select({ n: count() })
    .from(joinApplications)
    .innerJoin(orgs, eq(orgs.id, joinApplications.orgId))
    .where(where);
  return { items: rows.map(flatten), total: total?.n ?? 0 };
}
