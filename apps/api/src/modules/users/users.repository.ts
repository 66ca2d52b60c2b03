import { and, count, desc, eq, ilike, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { staffUsers } from '../auth/auth.schema.js';
import { orgs } from '../orgs/orgs.schema.js';

export const userColumns = {
  id: staffUsers.id,
  orgId: staffUsers.orgId,
  orgName: orgs.name,
  orgPath: orgs.path,
  username: staffUsers.username,
  displayName: staffUsers.displayName,
  roles: staffUsers.roles,
  totpEnabled: staffUsers.totpEnabled,
  lockedUntil: staffUsers.lockedUntil,
  disabledAt: staffUsers.disabledAt,
  lastLoginAt: staffUsers.lastLoginAt,
  createdAt: staffUsers.createdAt,
};

export interface UserListRow {
  id: number;
  orgId: number;
  orgName: string;
  orgPath: string;
  username: string;
  displayName: string;
  roles: string[];
  totpEnabled: boolean;
  lockedUntil: Date | null;
  disabledAt: Date | null;
  lastLoginAt: Date | null;
  createdAt: Date;
}

export async function findUserWithOrg(db: Db, id: number): Promise<UserListRow | null> {
  const [row] = await db
    .select(userColumns)
    .from(staffUsers)
    .innerJoin(orgs, eq(orgs.id, staffUsers.orgId))
    .where(eq(staffUsers.id, id))
    .limit(1);
  return row ?? null;
}

export async function listUsersUnder(
  db: Db,
  rootPath: string,
  opts: { q?: string | undefined; limit: number; offset: number },
): Promise<{ items: UserListRow[]; total: number }> {
  const where = and(
    sql`${orgs.path} <@ ${rootPath}::ltree`,
    opts.q
      ? sql`(${ilike(staffUsers.username, `%${opts.q}%`)} or ${ilike(staffUsers.displayName, `%${opts.q}%`)})`
      : undefined,
  );
  const items = await db
    .select(userColumns)
    .from(staffUsers)
    .innerJoin(orgs, eq(orgs.id, staffUsers.orgId))
    .where(where)
    .orderBy(desc(staffUsers.createdAt), desc(staffUsers.id))
    .limit(opts.limit)
    .offset(opts.offset);
  const [total] = await db
    .select({ n: count() })
    .from(staffUsers)
    .innerJoin(orgs, eq(orgs.id, staffUsers.orgId))
    .where(where);
  return { items, total: total?.n ?? 0 };
}

export async function insertUser(db: Db, values: typeof staffUsers.$inferInsert): Promise<number> {
  const [row] = await db.insert(staffUsers).values(values).returning({ id: staffUsers.id });
  return row!.id;
}

export async function updateUser(
  db: Db,
  id: number,
  change: Partial<
    Pick<
      typeof staffUsers.$inferInsert,
      'displayName' | 'roles' | 'disabledAt' | 'failedLogins' | 'lockedUntil'
    >
  >,
  at: Date,
): Promise<void> {
  await db
    .update(staffUsers)
    .set({ ...change, updatedAt: at })
    .where(eq(staffUsers.id, id));
}
