import { type Permission, permissionsOf, type StaffRole } from '@unionhub/contracts';
import type { Db } from '../../db/client.js';
import type { Actor, MemberActor, StaffActor } from '../../platform/actor.js';
import * as repo from './auth.repository.js';

export const MEMBER_PERMISSIONS: ReadonlySet<string> = new Set(['self.read', 'self.write']);

/** The caller a session resolves to, as the process keeps it (principal-cache.ts). */
export interface Principal {
  /** `staff:<id>` or `member:<id>`: what a notice about the subject names. */
  subject: string;
  actor: Actor;
  expiresAt: Date;
}

/** The live session's caller, or null when the session is revoked or the user disabled. */
export async function loadPrincipal(
  db: Db,
  sessionId: string,
  subjectType: 'staff' | 'member',
  subjectId: number,
): Promise<Principal | null> {
  const subject = `${subjectType}:${subjectId}`;
  if (subjectType === 'staff') {
    const row = await repo.findStaffPrincipal(db, sessionId, subjectId);
    if (!row || row.revokedAt || row.disabledAt) return null;
    const actor: StaffActor = {
      kind: 'staff',
      via: 'session',
      id: row.id,
      sessionId,
      username: row.username,
      displayName: row.displayName,
      orgId: row.orgId,
      orgPath: row.orgPath,
      roles: row.roles,
      permissions: new Set<Permission>(permissionsOf(row.roles as StaffRole[])),
    };
    return { subject, actor, expiresAt: row.expiresAt };
  }
  const session = await repo.findMemberSession(db, sessionId, subjectId);
  if (!session || session.revokedAt) return null;
  const actor: MemberActor = { kind: 'member', id: subjectId, sessionId, permissions: MEMBER_PERMISSIONS };
  return { subject, actor, expiresAt: session.expiresAt };
}
