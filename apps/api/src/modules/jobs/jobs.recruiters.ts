import type { CreateRecruiterBody } from '@unionhub/contracts';
import { isUniqueViolation } from '../../db/errors.js';
import { inTransaction } from '../../db/tx.js';
import { pathInScope } from '../../platform/access.js';
import type { StaffActor } from '../../platform/actor.js';
import type { AppContext, RequestMeta } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { recordAudit } from '../audit/index.js';
import { hashPassword, passwordProblems } from '../auth/index.js';
import * as repo from './jobs.repository.js';

const enterpriseNotFound = (id: number) =>
  new AppError('ENTERPRISE_NOT_FOUND', `Enterprise ${id} not found`, [
    { path: 'body.enterpriseId', message: 'no such enterprise in your unions' },
  ]);

/**
 * An enterprise's recruiting account (role enterprise_recruiter), created by staff of the union that
 * owns the enterprise or one above it. It belongs to that union's org, so the usual user
 * management (disable, unlock) reaches it, and it posts for that one enterprise only.
 */
export async function createRecruiter(
  ctx: AppContext,
  actor: StaffActor,
  body: CreateRecruiterBody,
  meta: RequestMeta,
) {
  const enterprise = await repo.findEnterpriseWithOrg(ctx.db, body.enterpriseId);
  if (!enterprise || !pathInScope(actor, enterprise.ownerPath)) throw enterpriseNotFound(body.enterpriseId);
  if (enterprise.status !== 'active')
    throw new AppError('CONFLICT', `Enterprise ${enterprise.name} is closed`, [
      { path: 'body.enterpriseId', message: 'the enterprise is closed' },
    ]);
  const problems = passwordProblems(body.password, body.username, 'body.password');
  if (problems.length) throw new AppError('AUTH_WEAK_PASSWORD', 'Choose a stronger password', problems);
  const passwordHash = await hashPassword(body.password);
  try {
    const id = await inTransaction(ctx.db, async (tx) => {
      const id = await repo.insertRecruiter(tx, {
        orgId: enterprise.ownerOrgId,
        enterpriseId: enterprise.id,
        username: body.username,
        displayName: body.displayName,
        passwordHash,
      });
      await recordAudit(tx, {
        actor,
        action: 'user.create',
        orgId: enterprise.ownerOrgId,
        targetType: 'staff_user',
        targetId: id,
        details: { username: body.username, roles: ['enterprise_recruiter'], enterpriseId: enterprise.id },
        meta,
      });
      return id;
    });
    const [row] = (await repo.listRecruiters(ctx.db, enterprise.ownerPath, enterprise.id)).filter(
      (r) => r.id === id,
    );
    return row!;
  } catch (err) {
    if (isUniqueViolation(err, 'staff_users_username_key'))
      throw new AppError('USER_USERNAME_TAKEN', `The username "${body.username}" is taken`, [
        { path: 'body.username', message: 'is taken' },
      ]);
    throw err;
  }
}

export const listRecruitersInScope = (ctx: AppContext, actor: StaffActor, enterpriseId?: number) =>
  repo.listRecruiters(ctx.db, actor.orgPath, enterpriseId);
