import {
  type CreateEnterpriseBody,
  checkCreditCode,
  type EnterpriseQuery,
  normalizeCreditCode,
  type UpdateEnterpriseBody,
} from '@unionhub/contracts';
import type { Db } from '../../db/client.js';
import { isUniqueViolation } from '../../db/errors.js';
import { inTransaction } from '../../db/tx.js';
import { pathInScope } from '../../platform/access.js';
import type { StaffActor } from '../../platform/actor.js';
import type { AppContext, RequestMeta } from '../../platform/context.js';
import { isPinyinQuery } from '../../platform/pinyin.js';
import { type Problem, throwProblems } from '../../platform/problems.js';
import { recordAudit } from '../audit/audit.service.js';
import { getOrgInScope, orgDissolved } from '../orgs/index.js';
import { industryExists } from '../reference/index.js';
import { provinceOf, regionExists } from '../regions/index.js';
import { creditCodeInvalid, creditCodeTaken, enterpriseNotFound } from './enterprises.errors.js';
import * as repo from './enterprises.repository.js';

function referenceProblems(input: {
  regionCode?: string | undefined;
  industryCode?: string | undefined;
}): Problem[] {
  const problems: Problem[] = [];
  if (input.regionCode !== undefined && !regionExists(input.regionCode))
    problems.push({
      code: 'REGION_UNKNOWN',
      path: 'body.regionCode',
      violation: { rule: 'region.exists', message: `${input.regionCode} is not a GB/T 2260 region code` },
    });
  if (input.industryCode !== undefined && !industryExists(input.industryCode))
    problems.push({
      code: 'INDUSTRY_UNKNOWN',
      path: 'body.industryCode',
      violation: {
        rule: 'industry.exists',
        message: `${input.industryCode} is not a GB/T 4754-2017 section or division`,
      },
    });
  return problems;
}

/**
 * Where an enterprise sits: a grassroots union covers it (and owns the record); any higher org in
 * scope registers it as not yet covered by a union.
 */
async function placementOf(db: Db, actor: StaffActor, orgId: number) {
  const org = await getOrgInScope(db, actor, orgId, 'body.orgId');
  if (org.status !== 'active') throw orgDissolved(org, 'body.orgId');
  return { ownerOrgId: org.id, orgId: org.level === 'grassroots' ? org.id : null };
}

export async function getEnterpriseInScope(
  db: Db,
  actor: StaffActor,
  id: number,
): Promise<repo.EnterpriseRow> {
  const row = await repo.findEnterpriseById(db, id);
  if (!row || !pathInScope(actor, row.ownerPath)) throw enterpriseNotFound(id);
  return row;
}

export async function getEnterpriseByCreditCode(
  db: Db,
  actor: StaffActor,
  raw: string,
): Promise<repo.EnterpriseRow> {
  const code = normalizeCreditCode(raw);
  const violation = checkCreditCode(code);
  if (violation) throw creditCodeInvalid(violation, 'params.code');
  const row = await repo.findEnterpriseByCreditCode(db, code);
  if (!row || !pathInScope(actor, row.ownerPath)) throw enterpriseNotFound(code);
  return row;
}

async function duplicateOf(db: Db, actor: StaffActor, code: string) {
  const existing = await repo.findEnterpriseByCreditCode(db, code);
  return existing ? creditCodeTaken(existing, pathInScope(actor, existing.ownerPath)) : null;
}

export async function createEnterprise(
  ctx: AppContext,
  actor: StaffActor,
  input: CreateEnterpriseBody,
  meta: RequestMeta,
): Promise<repo.EnterpriseRow> {
  const creditCode = normalizeCreditCode(input.creditCode);
  const violation = checkCreditCode(creditCode);
  if (violation) throw creditCodeInvalid(violation, 'body.creditCode');
  throwProblems(referenceProblems(input), 'The enterprise is not valid');
  const placement = await placementOf(ctx.db, actor, input.orgId);
  const duplicate = await duplicateOf(ctx.db, actor, creditCode);
  if (duplicate) throw duplicate;
  try {
    return await inTransaction(ctx.db, async (tx) => {
      const id = await repo.insertEnterprise(tx, {
        creditCode,
        name: input.name,
        industryCode: input.industryCode,
        regionCode: input.regionCode,
        provinceCode: provinceOf(input.regionCode),
        size: input.size ?? null,
        employeeCount: input.employeeCount ?? null,
        address: input.address ?? null,
        ...placement,
      });
      await recordAudit(tx, {
        actor,
        action: 'enterprise.create',
        orgId: placement.ownerOrgId,
        targetType: 'enterprise',
        targetId: id,
        details: { creditCode, name: input.name, orgId: placement.orgId },
        meta,
      });
      return (await repo.findEnterpriseById(tx, id))!;
    });
  } catch (err) {
    if (isUniqueViolation(err, 'enterprises_credit_code_key'))
      throw (await duplicateOf(ctx.db, actor, creditCode)) ?? err;
    throw err;
  }
}

const FIELDS = ['name', 'regionCode', 'industryCode', 'size', 'employeeCount', 'address', 'status'] as const;

export async function updateEnterprise(
  ctx: AppContext,
  actor: StaffActor,
  id: number,
  input: UpdateEnterpriseBody,
  meta: RequestMeta,
): Promise<repo.EnterpriseRow> {
  const current = await getEnterpriseInScope(ctx.db, actor, id);
  throwProblems(referenceProblems(input), 'The enterprise is not valid');
  const change: repo.EnterpriseChange = {};
  const diff: Record<string, { from: unknown; to: unknown }> = {};
  for (const f of FIELDS) {
    const to = input[f];
    if (to === undefined || to === current[f]) continue;
    (change as Record<string, unknown>)[f] = to;
    diff[f] = { from: current[f], to };
  }
  if (change.regionCode) change.provinceCode = provinceOf(change.regionCode);
  if (input.orgId !== undefined && input.orgId !== current.orgId) {
    const placement = await placementOf(ctx.db, actor, input.orgId);
    if (placement.ownerOrgId !== current.ownerOrgId || placement.orgId !== current.orgId) {
      Object.assign(change, placement);
      diff.orgId = { from: current.orgId, to: placement.orgId };
      diff.ownerOrgId = { from: current.ownerOrgId, to: placement.ownerOrgId };
    }
  }
  if (Object.keys(diff).length === 0) return current;
  return inTransaction(ctx.db, async (tx) => {
    await repo.updateEnterprise(tx, id, change, ctx.clock.now());
    await recordAudit(tx, {
      actor,
      action: 'enterprise.update',
      orgId: change.ownerOrgId ?? current.ownerOrgId,
      targetType: 'enterprise',
      targetId: id,
      details: { changed: diff },
      meta,
    });
    return (await repo.findEnterpriseById(tx, id))!;
  });
}

export async function listEnterprises(ctx: AppContext, actor: StaffActor, query: EnterpriseQuery) {
  const root = query.orgId ? (await getOrgInScope(ctx.db, actor, query.orgId)).path : actor.orgPath;
  let creditCode: string | undefined;
  if (query.creditCode !== undefined) {
    creditCode = normalizeCreditCode(query.creditCode);
    const violation = checkCreditCode(creditCode);
    if (violation) throw creditCodeInvalid(violation, 'querystring.creditCode');
  }
  const q = query.q?.trim() || undefined;
  const pageSize = query.pageSize ?? 20;
  return repo.listEnterprisesUnder(ctx.db, root, {
    q,
    pinyin: q && isPinyinQuery(q) ? q.replace(/\s+/g, '').toLowerCase() : null,
    creditCode,
    sort: query.sort ?? 'name',
    limit: pageSize,
    offset: ((query.page ?? 1) - 1) * pageSize,
  });
}

export async function getOrgCoverage(ctx: AppContext, actor: StaffActor, orgId: number) {
  const org = await getOrgInScope(ctx.db, actor, orgId);
  return { orgId: org.id, ...(await repo.coverageUnder(ctx.db, org.path)) };
}
