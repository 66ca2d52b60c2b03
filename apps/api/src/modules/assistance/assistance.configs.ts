import {
  type AssistanceKind,
  AssistanceKinds,
  type DeleteKindConfigQuery,
  type ErrorDetail,
  type OrgLevel,
  type PutKindConfigBody,
  type ReviewLevel,
  ReviewLevels,
} from '@unionhub/contracts';
import { inTransaction } from '../../db/tx.js';
import type { StaffActor } from '../../platform/actor.js';
import type { AppContext, RequestMeta } from '../../platform/context.js';
import { AppError, validationError } from '../../platform/errors.js';
import { recordAudit } from '../audit/index.js';
import { getOrgInScope, listAncestorsOf, type OrgRow } from '../orgs/index.js';
import { configOfRow, DEFAULT_CONFIGS, deepestOn } from './assistance.config.js';
import * as repo from './assistance.repository.js';

/** How high a union stands, to compare with the review levels (a township sits between). */
const ORG_RANK: Record<OrgLevel, number> = {
  grassroots: 0,
  township: 0.5,
  county: 1,
  city: 2,
  province: 3,
  national: 4,
};
const LEVEL_RANK: Record<ReviewLevel, number> = { grassroots: 0, county: 1, city: 2, province: 3 };

/**
 * The configuration that applies in a union, per kind, and whose it is (the deepest on its path,
 * or the default); when the union wrote its own, also what it would inherit without it.
 */
export async function listConfigs(ctx: AppContext, actor: StaffActor, orgId: number) {
  const org = await getOrgInScope(ctx.db, actor, orgId, 'query.orgId');
  const path = await listAncestorsOf(ctx.db, org.path);
  const rows = await repo.listConfigsOf(
    ctx.db,
    path.map((o) => o.id),
  );
  const above = path.filter((o) => o.id !== org.id);
  const resolve = (kind: AssistanceKind, on: OrgRow[]) => {
    const row = deepestOn(
      rows.filter((r) => r.kind === kind),
      on,
    );
    const source = row ? on.find((o) => o.id === row.orgId)! : null;
    return {
      ...(row ? configOfRow(row) : DEFAULT_CONFIGS[kind]),
      source: source ? { id: source.id, name: source.name } : null,
    };
  };
  return {
    items: AssistanceKinds.map((kind) => {
      const applies = resolve(kind, path);
      return {
        kind,
        ...applies,
        inherited: applies.source?.id === org.id ? resolve(kind, above) : null,
      };
    }),
  };
}

/** Only county federations and above set review paths; a grassroots union follows what they set. */
function checkConfiguringUnion(org: OrgRow, path: string) {
  if (ORG_RANK[org.level as OrgLevel] < ORG_RANK.county)
    throw validationError([
      {
        path,
        message: '审核配置由县（区）级及以上工会设置',
        rule: 'assistance.config_union_level',
      },
    ]);
}

/**
 * The rules of a configuration: levels from grassroots up, each once and none above the union
 * that sets them; the first level reviews every amount; a level's threshold not below the one of
 * the level beneath it; the paying level one of the levels.
 */
export function configProblems(org: OrgRow, body: PutKindConfigBody): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const orgRank = ORG_RANK[org.level as OrgLevel];
  body.levels.forEach((l, i) => {
    const prev = body.levels[i - 1];
    if (prev && ReviewLevels.indexOf(l.level) <= ReviewLevels.indexOf(prev.level))
      problems.push({
        path: `body.levels.${i}.level`,
        message: '审核层级应自下而上排列且不重复',
        rule: 'assistance.levels_order',
      });
    else if (LEVEL_RANK[l.level] > orgRank)
      problems.push({
        path: `body.levels.${i}.level`,
        message: '审核层级不能高于设置配置的工会',
        rule: 'assistance.level_above_union',
      });
    if (i === 0 && l.aboveFen !== undefined)
      problems.push({
        path: 'body.levels.0.aboveFen',
        message: '第一级审核所有金额，不设起审金额',
        rule: 'assistance.first_level_threshold',
      });
    const prevAbove = body.levels.slice(0, i).reduce((max, p) => Math.max(max, p.aboveFen ?? 0), 0);
    if (i > 0 && l.aboveFen !== undefined && l.aboveFen < prevAbove)
      problems.push({
        path: `body.levels.${i}.aboveFen`,
        message: '上一级的起审金额不能低于下一级',
        rule: 'assistance.thresholds_order',
      });
  });
  if (body.payingLevel && !body.levels.some((l) => l.level === body.payingLevel))
    problems.push({
      path: 'body.payingLevel',
      message: '发放层级应为审核层级之一',
      rule: 'assistance.paying_level',
    });
  return problems;
}

/** A union sets a kind's configuration for its subtree. */
export async function putConfig(
  ctx: AppContext,
  actor: StaffActor,
  body: PutKindConfigBody,
  meta: RequestMeta,
) {
  const org = await getOrgInScope(ctx.db, actor, body.orgId, 'body.orgId');
  checkConfiguringUnion(org, 'body.orgId');
  const problems = configProblems(org, body);
  if (problems.length) throw validationError(problems);
  const now = ctx.clock.now();
  const { orgId, kind, ...values } = body;
  await inTransaction(ctx.db, async (tx) => {
    await repo.upsertConfig(tx, { orgId, kind, ...values, updatedAt: now });
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

/** A union drops its own configuration of a kind and follows the unions above it again. */
export async function deleteConfig(
  ctx: AppContext,
  actor: StaffActor,
  query: DeleteKindConfigQuery,
  meta: RequestMeta,
) {
  const org = await getOrgInScope(ctx.db, actor, query.orgId, 'query.orgId');
  await inTransaction(ctx.db, async (tx) => {
    const removed = await repo.deleteConfig(tx, org.id, query.kind);
    if (!removed)
      throw new AppError('NOT_FOUND', `${org.name} has no configuration of its own for ${query.kind}`);
    await recordAudit(tx, {
      actor,
      action: 'assistance.config.reset',
      orgId: org.id,
      targetType: 'assistance_config',
      targetId: `${org.id}:${query.kind}`,
      details: {},
      meta,
    });
  });
  return listConfigs(ctx, actor, org.id);
}
