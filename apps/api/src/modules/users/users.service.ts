import type { CreateStaffUserBody, StaffRole, UpdateStaffUserBody } from '@unionhub/contracts';
import type { Db } from '../../db/client.js';
import { isUniqueViolation } from '../../db/errors.js';
import { inTransaction } from '../../db/tx.js';
import { pathInScope } from '../../platform/access.js';
import type { StaffActor } from '../../platform/actor.js';
import type { AppContext, RequestMeta } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { type AuditActor, recordAudit } from '../audit/audit.service.js';
import { revokeSubjectSessions } from '../auth/auth.repository.js';
import { hashPassword, passwordProblems } from '../auth/passwords.js';
import { forgetSignedInStaff } from '../auth/principal-cache.js';
import { findOrgById } from '../orgs/orgs.repository.js';
import { getOrgInScope } from '../orgs/orgs.service.js';
import * as repo from './users.repository.js';

const userNotFound = (id: number) => new AppError('USER_NOT_FOUND', `Staff user ${id} not found`);

/** A recruiter belongs to one enterprise: such accounts are opened from the jobs module, which ties them. */
function refuseRecruiterRole(roles: readonly string[] | undefined) {
  if (roles?.includes('enterprise_recruiter'))
    throw new AppError('VALIDATION_FAILED', 'Open an enterprise recruiter account from 企业招聘账号', [
      {
        path: 'body.roles',
        message: 'enterprise_recruiter is given with an enterprise, by POST /jobs/recruiters',
        rule: 'user.recruiter_via_jobs',
      },
    ]);
}

async function getUserInScope(db: Db, actor: StaffActor, id: number): Promise<repo.UserListRow> {
  const user = await repo.findUserWithOrg(db, id);
  if (!user || !pathInScope(actor, user.orgPath)) throw userNotFound(id);
  return user;
}

/**
 * Creates a staff user. `actor` is null for the CLI and the demo data, which act as the system;
 * otherwise the target org must lie in the actor's subtree.
 */
export async function createStaffUser(
  ctx: AppContext,
  actor: StaffActor | null,
  input: CreateStaffUserBody,
  meta?: RequestMeta,
): Promise<repo.UserListRow> {
  refuseRecruiterRole(input.roles);
  const org = actor
    ? await getOrgInScope(ctx.db, actor, input.orgId)
    : await findOrgById(ctx.db, input.orgId);
  if (!org)
    throw new AppError('ORG_NOT_FOUND', `Organization ${input.orgId} not found`, [
      { path: 'body.orgId', message: 'no such organization' },
    ]);
  const problems = passwordProblems(input.password, input.username, 'body.password');
  if (problems.length) throw new AppError('AUTH_WEAK_PASSWORD', 'Choose a stronger password', problems);
  const passwordHash = await hashPassword(input.password);
  const auditActor: AuditActor = actor ?? { kind: 'cli' };
  try {
    return await inTransaction(ctx.db, async (tx) => {
      const id = await repo.insertUser(tx, {
        orgId: org.id,
        username: input.username,
        displayName: input.displayName,
        passwordHash,
        roles: input.roles,
      });
      await recordAudit(tx, {
        actor: auditActor,
        action: 'user.create',
        orgId: org.id,
        targetType: 'staff_user',
        targetId: id,
        details: { username: input.username, roles: input.roles },
        ...(meta ? { meta } : {}),
      });
      return (await repo.findUserWithOrg(tx, id))!;
    });
  } catch (err) {
    if (isUniqueViolation(err, 'staff_users_username_key'))
      throw new AppError('USER_USERNAME_TAKEN', `The username "${input.username}" is taken`, [
        { path: 'body.username', message: 'is taken' },
      ]);
    throw err;
  }
}

export async function listStaffUsers(
  ctx: AppContext,
  actor: StaffActor,
  query: {
    orgId?: number | undefined;
    q?: string | undefined;
    page?: number | undefined;
    pageSize?: number | undefined;
  },
) {
  const root = query.orgId ? (await getOrgInScope(ctx.db, actor, query.orgId)).path : actor.orgPath;
  const pageSize = query.pageSize ?? 20;
  const page = query.page ?? 1;
  return repo.listUsersUnder(ctx.db, root, { q: query.q, limit: pageSize, offset: (page - 1) * pageSize });
}

export async function updateStaffUser(
  ctx: AppContext,
  actor: StaffActor,
  id: number,
  input: UpdateStaffUserBody,
  meta: RequestMeta,
): Promise<repo.UserListRow> {
  refuseRecruiterRole(input.roles);
  const user = await getUserInScope(ctx.db, actor, id);
  if (id === actor.id && (input.roles || input.disabled))
    throw new AppError(
      'CONFLICT',
      'You cannot change your own roles or disable yourself; ask another administrator',
    );
  const now = ctx.clock.now();
  const updated = await inTransaction(ctx.db, async (tx) => {
    await repo.updateUser(
      tx,
      id,
      {
        ...(input.displayName !== undefined ? { displayName: input.displayName } : {}),
        ...(input.roles ? { roles: input.roles } : {}),
        ...(input.disabled !== undefined ? { disabledAt: input.disabled ? now : null } : {}),
      },
      now,
    );
    if (input.disabled) await revokeSubjectSessions(tx, { type: 'staff', id }, 'disabled', now);
    if (input.roles && input.roles.join() !== user.roles.join())
      await recordAudit(tx, {
        actor,
        action: 'user.roles_change',
        orgId: user.orgId,
        targetType: 'staff_user',
        targetId: id,
        details: { from: user.roles as StaffRole[], to: input.roles },
        meta,
      });
    if (input.disabled !== undefined && input.disabled !== (user.disabledAt !== null))
      await recordAudit(tx, {
        actor,
        action: input.disabled ? 'user.disable' : 'user.enable',
        orgId: user.orgId,
        targetType: 'staff_user',
        targetId: id,
        meta,
      });
    return (await repo.findUserWithOrg(tx, id))!;
  });
  // Signed-in sessions of the user take the new roles (or end) with their next request.
  forgetSignedInStaff(ctx.database, id);
  return updated;
}

export async function unlockStaffUser(ctx: AppContext, actor: StaffActor, id: number, meta: RequestMeta) {
  const user = await getUserInScope(ctx.db, actor, id);
  const now = ctx.clock.now();
  return inTransaction(ctx.db, async (tx) => {
    await repo.updateUser(tx, id, { failedLogins: 0, lockedUntil: null }, now);
    await recordAudit(tx, {
      actor,
      action: 'user.unlock',
      orgId: user.orgId,
      targetType: 'staff_user',
      targetId: id,
      meta,
    });
    return (await repo.findUserWithOrg(tx, id))!;
  });
}
