import type { PutTierRulesBody } from '@unionhub/contracts';
import { inTransaction } from '../../db/tx.js';
import type { StaffActor } from '../../platform/actor.js';
import type { AppContext, RequestMeta } from '../../platform/context.js';
import { AppError, validationError } from '../../platform/errors.js';
import { recordAudit } from '../audit/index.js';
import { findOrgById } from '../orgs/index.js';
import { DEFAULT_TIER_RULES } from './hardship.policy.js';
import * as repo from './hardship.repository.js';

/** Every rule set written, and the built-in default when the province has not written its own. */
export async function listTierRules(ctx: AppContext) {
  const sets = await repo.listTierRuleSets(ctx.db);
  const items = sets.map((s) => ({
    regionPrefix: s.regionPrefix,
    rules: s.rules,
    updatedAt: s.updatedAt.toISOString(),
  }));
  return { items, defaults: DEFAULT_TIER_RULES };
}

/**
 * 困难认定标准 are written at province or city level only, for the caller's own region: a province
 * federation for its province (2 digits) or any of its cities (4), a city for itself.
 */
export async function putTierRules(
  ctx: AppContext,
  actor: StaffActor,
  body: PutTierRulesBody,
  meta: RequestMeta,
) {
  const org = await findOrgById(ctx.db, actor.orgId);
  if (!org || !['province', 'city'].includes(org.level) || !org.regionCode)
    throw new AppError('FORBIDDEN', 'Tier rules are set by a province or city federation');
  const own = org.level === 'province' ? org.regionCode.slice(0, 2) : org.regionCode.slice(0, 4);
  if (!body.regionPrefix.startsWith(own))
    throw validationError([
      {
        path: 'body.regionPrefix',
        message: `只能设置本地区（${own}）的认定标准`,
        rule: 'hardship.rules_region',
      },
    ]);
  const now = ctx.clock.now();
  await inTransaction(ctx.db, async (tx) => {
    await repo.upsertTierRules(tx, {
      regionPrefix: body.regionPrefix,
      rules: body.rules,
      updatedBy: actor.displayName,
      updatedAt: now,
    });
    await recordAudit(tx, {
      actor,
      action: 'hardship_rules.update',
      targetType: 'hardship_tier_rules',
      targetId: body.regionPrefix,
      details: { rules: body.rules },
      meta,
    });
  });
  return listTierRules(ctx);
}
