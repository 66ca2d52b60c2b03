import {
  type AssistanceKind,
  AssistanceKinds,
  type ErrorDetail,
  type PutKindConfigBody,
  ReviewLevels,
} from '@unionhub/contracts';
import { and, eq, inArray } from 'drizzle-orm';
import { inTransaction } from '../../db/tx.js';
import type { StaffActor } from '../../platform/actor.js';
import type { AppContext, RequestMeta } from '../../platform/context.js';
import { validationError } from '../../platform/errors.js';
import { recordAudit } from '../audit/index.js';
import { getOrgInScope, listAncestorsOf } from '../orgs/index.js';
import { DEFAULT_CONFIGS } from './assistance.config.js';
import { assistanceConfigs } from './assistance.schema.js';

/** The configuration that applies in a union, per kind, and whose it is (the deepest on its path, or the default). */
export async function listConfigs(ctx: AppContext, actor: StaffActor, orgId: number) {
  const org = await getOrgInScope(ctx.db, actor, orgId, 'query.orgId');
  const path = await listAncestorsOf(ctx.db, org.path);
  const rows = await ctx.db
    .select()
    .from(assistanceConfigs)
    .where(
      inArray(
        assistanceConfigs.orgId,
        path.map((o) => o.id),
      ),
    );
  const depth = new Map(path.map((o, i) => [o.id, i]));
  return {
    items: AssistanceKinds.map((kind: AssistanceKind) => {
      const row = rows
        .filter((r) => r.kind === kind)
        .sort((a, b) => depth.get(b.orgId)! - depth.get(a.orgId)!)[0];
      const source = row ? path.find((o) => o.id === row.orgId)! : null;
      const c = row
        ? {
            levels: row.levels,
            yearlyLimitFen: row.yearlyLimitFen,
            noticeDays: row.noticeDays,
            payingLevel: row.payingLevel,
            reviewDays: row.reviewDays,
          }
        : DEFAULT_CONFIGS[kind];
      return {
        kind,
        ...c,
        payingLevel: (c.payingLevel ?? null) as never,
        source: source ? { id: source.id, name: source.name } : null,
      };
    }),
  };
}

/** A union sets a kind's configuration for its subtree: levels in order from grassroots up, each once. */
export async function putConfig(
  ctx: AppContext,
  actor: StaffActor,
  body: PutKindConfigBody,
  meta: RequestMeta,
) {
  const org = await getOrgInScope(ctx.db, actor, body.orgId, 'body.orgId');
  const problems: ErrorDetail[] = [];
  body.levels.forEach((l, i) => {
    const prev = body.levels[i - 1];
    if (prev && ReviewLevels.indexOf(l.level) <= ReviewLevels.indexOf(prev.level))
      problems.push({
        path: `body.levels.${i}.level`,
        message: '审核层级应自下而上排列且不重复',
        rule: 'assistance.levels_order',
      });
  });
  if (body.payingLevel && !body.levels.some((l) => l.level === body.payingLevel))
    problems.push({
      path: 'body.payingLevel',
      message: '发放层级应为审核层级之一',
      rule: 'assistance.paying_level',
    });
  if (problems.length) throw validationError(problems);
  const now = ctx.clock.now();
  const { orgId, kind, ...values } = body;
  await inTransaction(ctx.db, async (tx) => {
    const [existing] = await tx
      .select({ id: assistanceConfigs.id })
      .from(assistanceConfigs)
      .where(and(eq(assistanceConfigs.orgId, orgId), eq(assistanceConfigs.kind, kind)));
    if (existing)
      await tx
        .update(assistanceConfigs)
        .set({ ...values, updatedAt: now })
        .where(eq(assistanceConfigs.id, existing.id));
    else await tx.insert(assistanceConfigs).values({ orgId, kind, ...values, updatedAt: now });
    await recordAudit(tx, {
      actor,
      action: 'assistance.config.set',
      orgId: org.id,
      targetType: 'assistance_config',
      targetId: `${org.id}:${kind}`,
      details: values,
      meta,
    });
  });
  return listConfigs(ctx, actor, org.id);
}
