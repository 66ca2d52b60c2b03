import type { Me, OrgLevel, StaffRole } from '@unionhub/contracts';
import type { Actor } from '../../platform/actor.js';
import type { AppContext } from '../../platform/context.js';
import { maskPhone } from '../../platform/pii.js';
import { findOrgById } from '../orgs/orgs.repository.js';
import { unauthenticated } from './auth.errors.js';
import { findMemberAccountById, findStaffById } from './auth.repository.js';

export async function describeMe(ctx: AppContext, actor: Actor): Promise<Me> {
  if (actor.kind === 'staff') {
    const user = await findStaffById(ctx.db, actor.id);
    const org = await findOrgById(ctx.db, actor.orgId);
    if (!user || !org) throw unauthenticated();
    return {
      user: {
        id: user.id,
        kind: 'staff',
        username: user.username,
        displayName: user.displayName,
        roles: user.roles as StaffRole[],
        totpEnabled: user.totpEnabled,
        phoneMasked: null,
        lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
      },
      org: { id: org.id, name: org.name, level: org.level as OrgLevel, regionCode: org.regionCode },
      permissions: [...actor.permissions],
    };
  }
  const account = await findMemberAccountById(ctx.db, actor.id);
  if (!account) throw unauthenticated();
  const phoneMasked = maskPhone(ctx.pii.open(account.phoneEnc));
  return {
    user: {
      id: account.id,
      kind: 'member',
      username: null,
      displayName: phoneMasked,
      roles: [],
      totpEnabled: false,
      phoneMasked,
      lastLoginAt: account.lastLoginAt?.toISOString() ?? null,
    },
    org: null,
    permissions: [...actor.permissions],
  };
}
