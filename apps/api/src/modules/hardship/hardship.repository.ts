import type { HardshipFileQuery } from '@unionhub/contracts';
import {
  and,
  arrayContains,
  asc,
  count,
  desc,
  eq,
  gt,
  gte,
  ilike,
  inArray,
  isNull,
  lt,
  lte,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { members } from '../members/members.schema.js';
import { orgs } from '../orgs/orgs.schema.js';
import {
  hardshipFiles,
  hardshipHouseholdMembers,
  hardshipRechecks,
  hardshipTierRules,
} from './hardship.schema.js';

export type FileRow = typeof hardshipFiles.$inferSelect;
export type HouseholdRow = typeof hardshipHouseholdMembers.$inferSelect;
export type FileView = FileRow & {
  memberName: string;
  memberIdMasked: string;
  orgName: string;
  orgPath: string;
};

const view = {
  file: hardshipFiles,
  memberName: members.name,
  memberIdMasked: members.idMasked,
  orgName: orgs.name,
  orgPath: orgs.path,
};
const flatten = (r: {
  file: FileRow;
  memberName: string;
  memberIdMasked: string;
  orgName: string;
  orgPath: string;
}) => ({
  ...r.file,
  memberName: r.memberName,
  memberIdMasked: r.memberIdMasked,
  orgName: r.orgName,
  orgPath: r.orgPath,
});

const base = (db: Db) =>
  db
    .select(view)
    .from(hardshipFiles)
    .innerJoin(members, eq(members.id, hardshipFiles.memberId))
    .innerJoin(orgs, eq(orgs.id, hardshipFiles.orgId));

export async function findFileView(db: Db, id: number): Promise<FileView | null> {
  const [row] = await base(db).where(eq(hardshipFiles.id, id));
  return row ? flatten(row) : null;
}

export async function lockFile(db: Db, id: number): Promise<FileRow | null> {
  const [row] = await db.select().from(hardshipFiles).where(eq(hardshipFiles.id, id)).for('update');
  return row ?? null;
}

export async function findLiveFileOfMember(db: Db, memberId: number): Promise<FileRow | null> {
  const [row] = await db
    .select()
    .from(hardshipFiles)
    .where(and(eq(hardshipFiles.memberId, memberId), sql`${hardshipFiles.state} <> 'closed'`));
  return row ?? null;
}

export async function insertFile(db: Db, values: typeof hardshipFiles.$inferInsert): Promise<number> {
  const [row] = await db.insert(hardshipFiles).values(values).returning({ id: hardshipFiles.id });
  return row!.id;
}

export async function updateFile(db: Db, id: number, change: Partial<FileRow>) {
  await db.update(hardshipFiles).set(change).where(eq(hardshipFiles.id, id));
}

export async function replaceHousehold(
  db: Db,
  fileId: number,
  rows: Omit<typeof hardshipHouseholdMembers.$inferInsert, 'fileId'>[],
) {
  await db.delete(hardshipHouseholdMembers).where(eq(hardshipHouseholdMembers.fileId, fileId));
  if (rows.length) await db.insert(hardshipHouseholdMembers).values(rows.map((r) => ({ ...r, fileId })));
}

export async function listHousehold(db: Db, fileId: number): Promise<HouseholdRow[]> {
  return db
    .select()
    .from(hardshipHouseholdMembers)
    .where(eq(hardshipHouseholdMembers.fileId, fileId))
    .orderBy(asc(hardshipHouseholdMembers.position));
}

export async function insertRecheck(db: Db, values: typeof hardshipRechecks.$inferInsert) {
  await db.insert(hardshipRechecks).values(values);
}

export async function listRechecks(db: Db, fileId: number) {
  return db
    .select()
    .from(hardshipRechecks)
    .where(eq(hardshipRechecks.fileId, fileId))
    .orderBy(desc(hardshipRechecks.id));
}

export async function listFiles(
  db: Db,
  scopePath: string,
  query: HardshipFileQuery,
  today: string,
  dueBy: string,
): Promise<{ items: FileView[]; total: number }> {
  const where: SQL[] = [sql`${orgs.path} <@ ${scopePath}::ltree`];
  if (query.state) where.push(eq(hardshipFiles.state, query.state));
  if (query.tier) where.push(eq(hardshipFiles.tier, query.tier));
  if (query.cause) where.push(arrayContains(hardshipFiles.causes, [query.cause]));
  if (query.recheck) {
    where.push(eq(hardshipFiles.state, 'open'));
    where.push(
      query.recheck === 'overdue'
        ? sql`${hardshipFiles.recheckDueOn} < ${today}::date`
        : lte(hardshipFiles.recheckDueOn, dueBy),
    );
  }
  if (query.watched !== undefined) {
    const watched = sql`${hardshipFiles.state} = 'closed' and ${hardshipFiles.watchUntil} >= ${today}::date`;
    where.push(query.watched ? watched : sql`not coalesce(${watched}, false)`);
  }
  if (query.q) where.push(ilike(members.name, `%${query.q}%`));
  const pageSize = query.pageSize ?? 20;
  const filter = and(...where);
  const [rows, [total]] = await Promise.all([
    base(db)
      .where(filter)
      .orderBy(
        query.recheck
          ? asc(hardshipFiles.recheckDueOn)
          : query.watched
            ? asc(hardshipFiles.watchUntil)
            : desc(hardshipFiles.id),
      )
      .limit(pageSize)
      .offset(((query.page ?? 1) - 1) * pageSize),
    db
      .select({ n: count() })
      .from(hardshipFiles)
      .innerJoin(members, eq(members.id, hardshipFiles.memberId))
      .innerJoin(orgs, eq(orgs.id, hardshipFiles.orgId))
      .where(filter),
  ]);
  return { items: rows.map(flatten), total: total?.n ?? 0 };
}

export async function listTierRuleSets(db: Db) {
  return db.select().from(hardshipTierRules).orderBy(asc(hardshipTierRules.regionPrefix));
}

export async function upsertTierRules(db: Db, values: typeof hardshipTierRules.$inferInsert) {
  await db
    .insert(hardshipTierRules)
    .values(values)
    .onConflictDoUpdate({
      target: hardshipTierRules.regionPrefix,
      set: { rules: values.rules, updatedBy: values.updatedBy, updatedAt: values.updatedAt },
    });
}

const toRemind = (dueBy: string, today: string) =>
  and(
    eq(hardshipFiles.state, 'open'),
    lte(hardshipFiles.recheckDueOn, dueBy),
    or(isNull(hardshipFiles.recheckRemindedOn), lt(hardshipFiles.recheckRemindedOn, today)),
  );

/**
 * Keeping unions (ids above `afterOrgId`, in order) with open files due for re-check by `dueBy`
 * whose staff were not yet told of them today.
 */
export async function listUnionsWithRechecksToRemind(
  db: Db,
  dueBy: string,
  today: string,
  afterOrgId: number,
  limit: number,
) {
  const rows = await db
    .selectDistinct({ orgId: hardshipFiles.orgId })
    .from(hardshipFiles)
    .where(and(toRemind(dueBy, today), gt(hardshipFiles.orgId, afterOrgId)))
    .orderBy(asc(hardshipFiles.orgId))
    .limit(limit);
  return rows.map((r) => r.orgId);
}

/** A union's files to remind of today, locked for this pass (another server skips them). */
export async function lockRechecksToRemind(db: Db, orgId: number, dueBy: string, today: string) {
  return db
    .select({ id: hardshipFiles.id, recheckDueOn: hardshipFiles.recheckDueOn })
    .from(hardshipFiles)
    .where(and(eq(hardshipFiles.orgId, orgId), toRemind(dueBy, today)))
    .orderBy(asc(hardshipFiles.recheckDueOn))
    .for('update', { skipLocked: true });
}

export async function markRechecksReminded(db: Db, ids: number[], today: string) {
  if (ids.length)
    await db.update(hardshipFiles).set({ recheckRemindedOn: today }).where(inArray(hardshipFiles.id, ids));
}

/** The member's closed file still in its year of watch, if any (the latest closed). */
export async function findWatchedFileOfMember(db: Db, memberId: number, today: string) {
  const [row] = await db
    .select({ id: hardshipFiles.id, closedAt: hardshipFiles.closedAt, watchUntil: hardshipFiles.watchUntil })
    .from(hardshipFiles)
    .where(
      and(
        eq(hardshipFiles.memberId, memberId),
        eq(hardshipFiles.state, 'closed'),
        gte(hardshipFiles.watchUntil, today),
      ),
    )
    .orderBy(desc(hardshipFiles.closedAt))
    .limit(1);
  return row ?? null;
}
