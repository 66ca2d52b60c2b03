import { and, eq, inArray, isNull, lt } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { attachments } from './attachments.schema.js';

export type AttachmentRow = typeof attachments.$inferSelect;

export async function insertAttachment(db: Db, values: Omit<typeof attachments.$inferInsert, 'id'>) {
  const [row] = await db.insert(attachments).values(values).returning();
  return row!;
}

export async function findAttachment(db: Db, id: number): Promise<AttachmentRow | null> {
  const [row] = await db.select().from(attachments).where(eq(attachments.id, id));
  return row ?? null;
}

export async function lockAttachments(db: Db, ids: number[]): Promise<AttachmentRow[]> {
  if (!ids.length) return [];
  return db.select().from(attachments).where(inArray(attachments.id, ids)).for('update');
}

export async function setOwner(
  db: Db,
  ids: number[],
  owner: { type: string; id: number },
  slots: Map<number, string | null>,
): Promise<void> {
  for (const id of ids)
    await db
      .update(attachments)
      .set({ ownerType: owner.type, ownerId: owner.id, slot: slots.get(id) ?? null })
      .where(eq(attachments.id, id));
}

export async function listOwnedBy(db: Db, ownerType: string, ownerIds: number[]): Promise<AttachmentRow[]> {
  if (!ownerIds.length) return [];
  return db
    .select()
    .from(attachments)
    .where(and(eq(attachments.ownerType, ownerType), inArray(attachments.ownerId, ownerIds)))
    .orderBy(attachments.id);
}

export async function deleteUnclaimedBefore(db: Db, before: Date, limit: number): Promise<AttachmentRow[]> {
  const stale = await db
    .select()
    .from(attachments)
    .where(and(isNull(attachments.ownerType), lt(attachments.createdAt, before)))
    .limit(limit)
    .for('update', { skipLocked: true });
  if (stale.length)
    await db.delete(attachments).where(
      inArray(
        attachments.id,
        stale.map((a) => a.id),
      ),
    );
  return stale;
}
