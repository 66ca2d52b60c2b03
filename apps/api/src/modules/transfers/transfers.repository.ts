import type { TransferStatus } from '@unionhub/contracts';
import { and, asc, count, desc, eq, gt, inArray, isNotNull, lte, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import { members } from '../members/index.js';
import { orgs } from '../orgs/index.js';
import { transferHistory, transfers } from './transfers.schema.js';

export type TransferRow = typeof transfers.$inferSelect;
export type TransferStepRow = typeof transferHistory.$inferSelect;
export type TransferView = TransferRow & {
  memberName: string;
  fromOrgName: string;
  fromPath: string;
  toOrgName: string;
  toPath: string;
};

const fromOrg = alias(orgs, 'from_org');
const toOrg = alias(orgs, 'to_org');
const OPEN: TransferStatus[] = ['pending_origin', 'pending_destination'];

const selectView = (db: Db) =>
  db
    .select({
      transfer: transfers,
      memberName: members.name,
      fromOrgName: fromOrg.name,
      fromPath: fromOrg.path,
      toOrgName: toOrg.name,
      toPath: toOrg.path,
    })
    .from(transfers)
    .innerJoin(members, eq(members.id, transfers.memberId))
    .innerJoin(fromOrg, eq(fromOrg.id, transfers.fromOrgId))
    .innerJoin(toOrg, eq(toOrg.id, transfers.toOrgId));

type ViewRow = Awaited<ReturnType<ReturnType<typeof selectView>['limit']>>[number];
const flatten = ({ transfer, ...rest }: ViewRow): TransferView => ({ ...transfer, ...rest });

export async function findTransferById(db: Db, id: number): Promise<TransferView | null> {
  const [row] = await selectView(db).where(eq(transfers.id, id)).limit(1);
  return row ? flatten(row) : null;
}

/** The row under a lock, so that two decisions (or a decision and the job) cannot both apply. */
export async function lockTransfer(db: Db, id: number): Promise<TransferRow | null> {
  const [row] = await db.select().from(transfers).where(eq(transfers.id, id)).for('update');
  return row ?? null;
}

export async function findOpenTransferOf(db: Db, memberId: number): Promise<TransferRow | null> {
  const [row] = await db
    .select()
    .from(transfers)
    .where(and(eq(transfers.memberId, memberId), inArray(transfers.status, OPEN)))
    .limit(1);
  return row ?? null;
}

export async function insertTransfer(
  db: Db,
  values: Omit<typeof transfers.$inferInsert, 'id'>,
): Promise<number> {
  const [row] = await db.insert(transfers).values(values).returning({ id: transfers.id });
  return row!.id;
}

export async function updateTransfer(
  db: Db,
  id: number,
  change: Partial<Pick<TransferRow, 'status' | 'decisionReason' | 'reachedDestinationAt'>>,
  at: Date,
): Promise<void> {
  await db
    .update(transfers)
    .set({ ...change, updatedAt: at })
    .where(eq(transfers.id, id));
}

export async function insertStep(
  db: Db,
  values: Omit<typeof transferHistory.$inferInsert, 'id'>,
): Promise<void> {
  await db.insert(transferHistory).values(values);
}

export async function listSteps(db: Db, transferId: number): Promise<TransferStepRow[]> {
  return db
    .select()
    .from(transferHistory)
    .where(eq(transferHistory.transferId, transferId))
    .orderBy(asc(transferHistory.at), asc(transferHistory.id));
}

/**
 * Transfers an org subtree sees: going out of it, or coming in once they reached the destination
 * (the destination does not see a transfer the origin has not approved).
 */
export async function listTransfersUnder(
  db: Db,
  filter: {
    rootPath: string;
    direction?: 'in' | 'out' | undefined;
    status?: TransferStatus | undefined;
    limit: number;
    offset: number;
  },
): Promise<{ items: TransferView[]; total: number }> {
  const out = sql`${fromOrg.path} <@ ${filter.rootPath}::ltree`;
  const incoming = and(
    sql`${toOrg.path} <@ ${filter.rootPath}::ltree`,
    isNotNull(transfers.reachedDestinationAt),
  );
  const side: SQL | undefined =
    filter.direction === 'out' ? out : filter.direction === 'in' ? incoming : or(out, incoming);
  const where = and(side, filter.status ? eq(transfers.status, filter.status) : undefined);
  const rows = await selectView(db)
    .where(where)
    .orderBy(desc(transfers.createdAt), desc(transfers.id))
    .limit(filter.limit)
    .offset(filter.offset);
  const [total] = await db
    .select({ n: count() })
    .from(transfers)
    .innerJoin(fromOrg, eq(fromOrg.id, transfers.fromOrgId))
    .innerJoin(toOrg, eq(toOrg.id, transfers.toOrgId))
    .where(where);
  return { items: rows.map(flatten), total: total?.n ?? 0 };
}

export async function listTransfersOfMember(db: Db, memberId: number): Promise<TransferView[]> {
  const rows = await selectView(db)
    .where(eq(transfers.memberId, memberId))
    .orderBy(desc(transfers.createdAt), desc(transfers.id))
    .limit(100);
  return rows.map(flatten);
}

/**
 * The next open transfer due for completion after `afterId`, locked; rows another run holds are
 * skipped (SKIP LOCKED), so two runs of the job never complete the same transfer.
 */
export async function lockNextDue(db: Db, now: Date, afterId: number): Promise<TransferRow | null> {
  const [row] = await db
    .select()
    .from(transfers)
    .where(and(inArray(transfers.status, OPEN), lte(transfers.autoAcceptAt, now), gt(transfers.id, afterId)))
    .orderBy(asc(transfers.id))
    .limit(1)
    .for('update', { skipLocked: true });
  return row ?? null;
}
