import { type Permission, rolePermissions, StaffRoles } from '@unionhub/contracts';
import { and, arrayOverlaps, desc, eq, gt, isNull, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { preparedPerDb } from '../../db/prepared.js';
import { orgs } from '../orgs/orgs.schema.js';
import { memberAccounts, otpCodes, sessions, staffUsers } from './auth.schema.js';

export type StaffUserRow = typeof staffUsers.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;

export async function findStaffByUsername(db: Db, username: string): Promise<StaffUserRow | null> {
  const [row] = await db.select().from(staffUsers).where(eq(staffUsers.username, username)).limit(1);
  return row ?? null;
}

export async function findStaffById(db: Db, id: number): Promise<StaffUserRow | null> {
  const [row] = await db.select().from(staffUsers).where(eq(staffUsers.id, id)).limit(1);
  return row ?? null;
}

export async function recordLoginFailure(db: Db, id: number, lockedUntil: Date | null): Promise<void> {
  await db
    .update(staffUsers)
    .set({ failedLogins: sql`${staffUsers.failedLogins} + 1`, lockedUntil, updatedAt: sql`now()` })
    .where(eq(staffUsers.id, id));
}

export async function recordLoginSuccess(db: Db, id: number, at: Date): Promise<void> {
  await db
    .update(staffUsers)
    .set({ failedLogins: 0, lockedUntil: null, lastLoginAt: at, updatedAt: at })
    .where(eq(staffUsers.id, id));
}

export async function updateStaffPassword(db: Db, id: number, passwordHash: string, at: Date): Promise<void> {
  await db
    .update(staffUsers)
    .set({ passwordHash, passwordChangedAt: at, updatedAt: at })
    .where(eq(staffUsers.id, id));
}

export async function updateStaffTotp(
  db: Db,
  id: number,
  change: { totpSecret: Buffer | null; totpEnabled: boolean },
  at: Date,
): Promise<void> {
  await db
    .update(staffUsers)
    .set({ ...change, updatedAt: at })
    .where(eq(staffUsers.id, id));
}

export async function insertSession(db: Db, row: typeof sessions.$inferInsert): Promise<void> {
  await db.insert(sessions).values(row);
}

export async function findSession(db: Db, id: string): Promise<SessionRow | null> {
  const [row] = await db.select().from(sessions).where(eq(sessions.id, id)).limit(1);
  return row ?? null;
}

/** Swaps the refresh hash only if it is still the one presented, so two racing refreshes cannot both win. */
export async function rotateSession(
  db: Db,
  id: string,
  presentedHash: Buffer,
  nextHash: Buffer,
  at: Date,
): Promise<boolean> {
  const updated = await db
    .update(sessions)
    .set({ refreshHash: nextHash, previousRefreshHash: presentedHash, lastUsedAt: at })
    .where(and(eq(sessions.id, id), eq(sessions.refreshHash, presentedHash), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  return updated.length === 1;
}

export async function revokeSession(db: Db, id: string, reason: string, at: Date): Promise<void> {
  await db
    .update(sessions)
    .set({ revokedAt: at, revokedReason: reason })
    .where(and(eq(sessions.id, id), isNull(sessions.revokedAt)));
}

export async function revokeSubjectSessions(
  db: Db,
  subject: { type: 'staff' | 'member'; id: number },
  reason: string,
  at: Date,
  exceptSessionId?: string,
): Promise<number> {
  const rows = await db
    .update(sessions)
    .set({ revokedAt: at, revokedReason: reason })
    .where(
      and(
        eq(sessions.subjectType, subject.type),
        eq(sessions.subjectId, subject.id),
        isNull(sessions.revokedAt),
        exceptSessionId ? ne(sessions.id, exceptSessionId) : undefined,
      ),
    )
    .returning({ id: sessions.id });
  return rows.length;
}

export interface StaffPrincipalRow {
  id: number;
  username: string;
  displayName: string;
  roles: string[];
  orgId: number;
  orgPath: string;
  disabledAt: Date | null;
  revokedAt: Date | null;
  expiresAt: Date;
}

const staffPrincipal = preparedPerDb((db) =>
  db
    .select({
      id: staffUsers.id,
      username: staffUsers.username,
      displayName: staffUsers.displayName,
      roles: staffUsers.roles,
      orgId: staffUsers.orgId,
      orgPath: orgs.path,
      disabledAt: staffUsers.disabledAt,
      revokedAt: sessions.revokedAt,
      expiresAt: sessions.expiresAt,
    })
    .from(sessions)
    .innerJoin(staffUsers, eq(staffUsers.id, sessions.subjectId))
    .innerJoin(orgs, eq(orgs.id, staffUsers.orgId))
    .where(
      and(
        eq(sessions.id, sql.placeholder('sessionId')),
        eq(sessions.subjectType, 'staff'),
        eq(sessions.subjectId, sql.placeholder('userId')),
      ),
    )
    .limit(1)
    .prepare('staff_principal'),
);

/** One indexed read per request: the live session, its user and the user's org path. */
export async function findStaffPrincipal(
  db: Db,
  sessionId: string,
  userId: number,
): Promise<StaffPrincipalRow | null> {
  const [row] = await staffPrincipal(db).execute({ sessionId, userId });
  return row ?? null;
}

export async function findMemberSession(
  db: Db,
  sessionId: string,
  memberId: number,
): Promise<SessionRow | null> {
  const [row] = await db
    .select()
    .from(sessions)
    .where(
      and(eq(sessions.id, sessionId), eq(sessions.subjectType, 'member'), eq(sessions.subjectId, memberId)),
    )
    .limit(1);
  return row ?? null;
}

export type MemberAccountRow = typeof memberAccounts.$inferSelect;

export async function findMemberAccountByPhoneHash(
  db: Db,
  phoneHash: Buffer,
): Promise<MemberAccountRow | null> {
  const [row] = await db
    .select()
    .from(memberAccounts)
    .where(eq(memberAccounts.phoneHash, phoneHash))
    .limit(1);
  return row ?? null;
}

export async function findMemberAccountById(db: Db, id: number): Promise<MemberAccountRow | null> {
  const [row] = await db.select().from(memberAccounts).where(eq(memberAccounts.id, id)).limit(1);
  return row ?? null;
}

/** Creates the account on first sign-in; a concurrent first sign-in for the same phone finds the other's row. */
export async function upsertMemberAccount(
  db: Db,
  values: { phoneHash: Buffer; phoneEnc: Buffer },
  at: Date,
): Promise<MemberAccountRow> {
  const [row] = await db
    .insert(memberAccounts)
    .values({ ...values, lastLoginAt: at })
    .onConflictDoUpdate({ target: memberAccounts.phoneHash, set: { lastLoginAt: at, updatedAt: at } })
    .returning();
  return row!;
}

export type OtpRow = typeof otpCodes.$inferSelect;

export async function insertOtp(db: Db, row: typeof otpCodes.$inferInsert): Promise<void> {
  await db.insert(otpCodes).values(row);
}

export async function latestOtp(db: Db, phoneHash: Buffer): Promise<OtpRow | null> {
  const [row] = await db
    .select()
    .from(otpCodes)
    .where(eq(otpCodes.phoneHash, phoneHash))
    .orderBy(desc(otpCodes.createdAt), desc(otpCodes.id))
    .limit(1);
  return row ?? null;
}

export async function countOtpSince(db: Db, phoneHash: Buffer, since: Date): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(otpCodes)
    .where(and(eq(otpCodes.phoneHash, phoneHash), gt(otpCodes.createdAt, since)));
  return row?.n ?? 0;
}

export async function incrementOtpAttempts(db: Db, id: number): Promise<number> {
  const [row] = await db
    .update(otpCodes)
    .set({ attempts: sql`${otpCodes.attempts} + 1` })
    .where(eq(otpCodes.id, id))
    .returning({ attempts: otpCodes.attempts });
  return row?.attempts ?? 0;
}

/** Marks the code used; false if another request used it first. */
export async function consumeOtp(db: Db, id: number, at: Date): Promise<boolean> {
  const rows = await db
    .update(otpCodes)
    .set({ consumedAt: at })
    .where(and(eq(otpCodes.id, id), isNull(otpCodes.consumedAt)))
    .returning({ id: otpCodes.id });
  return rows.length === 1;
}

/** Active staff users of one union whose roles grant the permission (to notify them of work). */
export async function listActiveStaffOf(db: Db, orgId: number, permission: Permission) {
  const roles = StaffRoles.filter((role) => rolePermissions[role].includes(permission));
  return db
    .select({ id: staffUsers.id, displayName: staffUsers.displayName })
    .from(staffUsers)
    .where(
      and(eq(staffUsers.orgId, orgId), isNull(staffUsers.disabledAt), arrayOverlaps(staffUsers.roles, roles)),
    );
}
