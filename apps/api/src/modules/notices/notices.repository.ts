import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { memberNotices } from './notices.schema.js';

export type MemberNoticeRow = typeof memberNotices.$inferSelect;

export async function insertNotice(
  db: Db,
  values: Omit<typeof memberNotices.$inferInsert, 'id'>,
): Promise<void> {
  await db.insert(memberNotices).values(values);
}

export async function listNoticesOf(db: Db, accountId: number, limit: number): Promise<MemberNoticeRow[]> {
  return db
    .select()
    .from(memberNotices)
    .where(eq(memberNotices.accountId, accountId))
    .orderBy(desc(memberNotices.createdAt), desc(memberNotices.id))
    .limit(limit);
}

/** Marks every unread notice of the account read at `at`; answers how many changed. */
export async function markNoticesRead(db: Db, accountId: number, at: Date): Promise<number> {
  const rows = await db
    .update(memberNotices)
    .set({ readAt: at })
    .where(and(eq(memberNotices.accountId, accountId), isNull(memberNotices.readAt)))
    .returning({ id: memberNotices.id });
  return rows.length;
}
