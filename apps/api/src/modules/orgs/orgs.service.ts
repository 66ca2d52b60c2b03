import {
  type CreateOrgBody,
  checkContactPhone,
  type DissolveOrgBody,
  type MoveOrgBody,
  type OrgKind,
  type OrgLevel,
  type OrgSearchQuery,
  type UpdateOrgBody,
} from '@unionhub/contracts';
import type { Db } from '../../db/client.js';
import { isUniqueViolation } from '../../db/errors.js';
import { inTransaction } from '../../db/tx.js';
import { pathInScope } from '../../platform/access.js';
import type { StaffActor } from '../../platform/actor.js';
import type { AppContext, RequestMeta } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { isPinyinQuery } from '../../platform/pinyin.js';
import { type Problem, throwProblems } from '../../platform/problems.js';
import { recordAudit } from '../audit/audit.service.js';
import { forgetAllSignedIn } from '../auth/principal-cache.js';
import { industryExists } from '../reference/index.js';
import { provinceOf, regionExists } from '../regions/index.js';
import { orgDissolved, orgNameTaken, orgNotFound } from './orgs.errors.js';
import {
  foundedOnViolation,
  kindViolation,
  levelViolation,
  regionViolation,
  regionWithin,
  type TreeNode,
} from './orgs.policy.js';
import type { OrgDetails, OrgRow, OrgWithCount } from './orgs.repository.js';
import * as repo from './orgs.repository.js';

const node = (org: Pick<OrgRow, 'level' | 'kind'>): TreeNode => ({
  level: org.level as OrgLevel,
  kind: org.kind as OrgKind,
});

/** The org if it lies in the actor's subtree; otherwise "not found", whether or not it exists. */
export async function getOrgInScope(
  db: Db,
  actor: StaffActor,
  id: number,
  path?: string,
): Promise<OrgWithCount> {
  const org = await repo.findOrgById(db, id);
  if (!org || !pathInScope(actor, org.path)) throw orgNotFound(id, path);
  return org;
}

export async function listOrgChildren(db: Db, actor: StaffActor, id: number): Promise<OrgWithCount[]> {
  await getOrgInScope(db, actor, id);
  return repo.listChildren(db, id);
}

type DetailInput = Pick<UpdateOrgBody, 'regionCode' | 'industryCode' | 'contactPhone' | 'foundedOn'>;

/** Checks of single fields against the reference data and their formats. */
function detailProblems(input: DetailInput, today: Date): Problem[] {
  const problems: Problem[] = [];
  if (input.regionCode != null && !regionExists(input.regionCode))
    problems.push({
      code: 'REGION_UNKNOWN',
      path: 'body.regionCode',
      violation: { rule: 'region.exists', message: `${input.regionCode} is not a GB/T 2260 region code` },
    });
  if (input.industryCode != null && !industryExists(input.industryCode))
    problems.push({
      code: 'INDUSTRY_UNKNOWN',
      path: 'body.industryCode',
      violation: {
        rule: 'industry.exists',
        message: `${input.industryCode} is not a GB/T 4754-2017 section or division`,
      },
    });
  if (input.contactPhone != null) {
    const v = checkContactPhone(input.contactPhone);
    if (v) problems.push({ code: 'VALIDATION_FAILED', path: 'body.contactPhone', violation: v });
  }
  if (input.foundedOn != null) {
    const v = foundedOnViolation(input.foundedOn, today);
    if (v) problems.push({ code: 'VALIDATION_FAILED', path: 'body.foundedOn', violation: v });
  }
  return problems;
}

const industryRequired = (kind: string, industryCode: string | null | undefined): Problem[] =>
  (kind === 'industry' || kind === 'trade') && !industryCode
    ? [
        {
          code: 'VALIDATION_FAILED',
          path: 'body.industryCode',
          violation: {
            rule: 'org.industry_code_required',
            message: 'is required for an industry or trade union',
          },
        },
      ]
    : [];

export async function createOrg(
  ctx: AppContext,
  actor: StaffActor,
  input: CreateOrgBody,
  meta: RequestMeta,
): Promise<OrgWithCount> {
  const parent = await getOrgInScope(ctx.db, actor, input.parentId, 'body.parentId');
  if (parent.status !== 'active') throw orgDissolved(parent, 'body.parentId');
  const child: TreeNode = { level: input.level, kind: input.kind };
  const problems = detailProblems(input, ctx.clock.now());
  const level = levelViolation(node(parent), child);
  if (level) problems.push({ code: 'ORG_LEVEL_NOT_ALLOWED', path: 'body.level', violation: level });
  const kind = kindViolation(node(parent), child);
  if (kind) problems.push({ code: 'ORG_KIND_NOT_ALLOWED', path: 'body.kind', violation: kind });
  const region = regionExists(input.regionCode) ? regionViolation(parent.regionCode, input.regionCode) : null;
  if (region)
    problems.push({ code: 'ORG_REGION_OUTSIDE_PARENT', path: 'body.regionCode', violation: region });
  problems.push(...industryRequired(input.kind, input.industryCode));
  throwProblems(problems);

  try {
    return await inTransaction(ctx.db, async (tx) => {
      await repo.lockTree(tx, 'shared');
      const fresh = await getOrgInScope(tx, actor, parent.id, 'body.parentId');
      const taken = await repo.findActiveSiblingByName(tx, fresh.id, input.name);
      if (taken) throw orgNameTaken(taken);
      const org = await repo.insertOrg(
        tx,
        {
          name: input.name,
          level: input.level,
          kind: input.kind,
          regionCode: input.regionCode,
          provinceCode: provinceOf(input.regionCode),
          formation: input.formation ?? null,
          industryCode: input.industryCode ?? null,
          chairName: input.chairName ?? null,
          contactName: input.contactName ?? null,
          contactPhone: input.contactPhone ?? null,
          address: input.address ?? null,
          foundedOn: input.foundedOn ?? null,
        },
        fresh,
      );
      await recordAudit(tx, {
        actor,
        action: 'org.create',
        orgId: org.id,
        targetType: 'org',
        targetId: org.id,
        details: { parentId: fresh.id, name: org.name, level: org.level, kind: org.kind },
        meta,
      });
      return (await repo.findOrgById(tx, org.id))!;
    });
  } catch (err) {
    throw nameConflict(err, input.name) ?? err;
  }
}

/** A concurrent insert of the same name got there first: the partial unique index says so. */
function nameConflict(err: unknown, name: string, path = 'body.name'): AppError | null {
  if (!isUniqueViolation(err, 'orgs_active_sibling_name_key')) return null;
  return new AppError(
    'ORG_NAME_TAKEN',
    `An active organization named ${name} already exists under the same parent`,
    [
      {
        path,
        message: 'is taken by another organization under the same parent [org.name_unique_among_siblings]',
      },
    ],
  );
}

const DETAIL_FIELDS = [
  'name',
  'kind',
  'regionCode',
  'formation',
  'industryCode',
  'chairName',
  'contactName',
  'contactPhone',
  'address',
  'foundedOn',
] as const;

export async function updateOrg(
  ctx: AppContext,
  actor: StaffActor,
  id: number,
  input: UpdateOrgBody,
  meta: RequestMeta,
): Promise<OrgWithCount> {
  const org = await getOrgInScope(ctx.db, actor, id);
  if (org.status !== 'active') throw orgDissolved(org);
  const parent = org.parentId ? await repo.findOrgById(ctx.db, org.parentId) : null;
  const problems = detailProblems(input, ctx.clock.now());

  const structural = (['kind', 'regionCode'] as const).filter(
    (f) => input[f] !== undefined && input[f] !== org[f],
  );
  if (org.id === actor.orgId && structural.length > 0)
    throwProblems(
      structural.map((f) => ({
        code: 'ORG_OWN_ROOT_LOCKED',
        path: `body.${f}`,
        violation: {
          rule: 'org.own_root_structure',
          message: 'of your own organization is set by the union above it',
        },
      })),
    );

  const kind = input.kind ?? (org.kind as OrgKind);
  if (input.kind !== undefined && input.kind !== org.kind) {
    const v = kindViolation(parent && node(parent), { level: org.level as OrgLevel, kind: input.kind });
    if (v) problems.push({ code: 'ORG_KIND_NOT_ALLOWED', path: 'body.kind', violation: v });
    for (const child of await repo.listChildren(ctx.db, org.id)) {
      const c = kindViolation({ level: org.level as OrgLevel, kind: input.kind }, node(child));
      if (c)
        problems.push({
          code: 'ORG_KIND_NOT_ALLOWED',
          path: 'body.kind',
          violation: { rule: c.rule, message: `would break child ${child.name}: ${c.message}` },
        });
    }
  }
  problems.push(
    ...industryRequired(kind, input.industryCode === undefined ? org.industryCode : input.industryCode),
  );
  if (
    input.regionCode !== undefined &&
    input.regionCode !== org.regionCode &&
    regionExists(input.regionCode)
  ) {
    const v = regionViolation(parent?.regionCode ?? null, input.regionCode);
    if (v) problems.push({ code: 'ORG_REGION_OUTSIDE_PARENT', path: 'body.regionCode', violation: v });
    const outside = (await repo.listActiveChildRegions(ctx.db, org.id)).filter(
      (c) => !regionWithin(input.regionCode!, c.regionCode),
    );
    if (outside.length > 0)
      problems.push({
        code: 'ORG_REGION_EXCLUDES_CHILDREN',
        path: 'body.regionCode',
        violation: {
          rule: 'org.region_contains_children',
          message: `would leave ${outside.length} child organization(s) outside the region (e.g. region ${outside[0]!.regionCode})`,
        },
      });
  }
  throwProblems(problems);

  const change: OrgDetails = {};
  const diff: Record<string, { from: unknown; to: unknown }> = {};
  for (const f of DETAIL_FIELDS) {
    const to = input[f];
    if (to === undefined || to === org[f]) continue;
    (change as Record<string, unknown>)[f] = to;
    diff[f] = { from: org[f], to };
  }
  if (change.regionCode) change.provinceCode = provinceOf(change.regionCode);
  if (Object.keys(diff).length === 0) return org;

  try {
    return await inTransaction(ctx.db, async (tx) => {
      if (change.name !== undefined && org.parentId) {
        const taken = await repo.findActiveSiblingByName(tx, org.parentId, change.name, org.id);
        if (taken) throw orgNameTaken(taken);
      }
      await repo.updateOrg(tx, org.id, change, ctx.clock.now());
      await recordAudit(tx, {
        actor,
        action: 'org.update',
        orgId: org.id,
        targetType: 'org',
        targetId: org.id,
        details: { changed: diff },
        meta,
      });
      return (await repo.findOrgById(tx, org.id))!;
    });
  } catch (err) {
    throw nameConflict(err, change.name ?? org.name) ?? err;
  }
}

/** Moves an org with its whole subtree under another parent; staff scope follows the paths. */
export async function moveOrg(
  ctx: AppContext,
  actor: StaffActor,
  id: number,
  input: MoveOrgBody,
  meta: RequestMeta,
): Promise<OrgWithCount> {
  let name = String(id);
  try {
    const result = await inTransaction(ctx.db, async (tx) => {
      await repo.lockTree(tx, 'exclusive');
      const org = await getOrgInScope(tx, actor, id);
      name = org.name;
      const target = await getOrgInScope(tx, actor, input.newParentId, 'body.newParentId');
      if (org.status !== 'active') throw orgDissolved(org);
      if (target.status !== 'active') throw orgDissolved(target, 'body.newParentId');
      if (target.id === org.id || target.path.startsWith(`${org.path}.`))
        throw new AppError(
          'ORG_MOVE_INTO_OWN_SUBTREE',
          `${org.name} cannot move under itself or one of its own descendants`,
          [
            {
              path: 'body.newParentId',
              message: 'lies inside the subtree being moved [org.move_outside_own_subtree]',
            },
          ],
        );
      const problems: Problem[] = [];
      const level = levelViolation(node(target), node(org));
      if (level) problems.push({ code: 'ORG_LEVEL_NOT_ALLOWED', path: 'body.newParentId', violation: level });
      const kind = kindViolation(node(target), node(org));
      if (kind) problems.push({ code: 'ORG_KIND_NOT_ALLOWED', path: 'body.newParentId', violation: kind });
      const region = org.regionCode ? regionViolation(target.regionCode, org.regionCode) : null;
      if (region)
        problems.push({ code: 'ORG_REGION_OUTSIDE_PARENT', path: 'body.newParentId', violation: region });
      throwProblems(problems, 'The organization cannot move there');
      if (target.id === org.parentId) return org;
      const taken = await repo.findActiveSiblingByName(tx, target.id, org.name, org.id);
      if (taken) throw orgNameTaken(taken, 'body.newParentId');

      const moved = await repo.moveSubtree(tx, org, target, ctx.clock.now());
      await recordAudit(tx, {
        actor,
        action: 'org.move',
        orgId: org.id,
        targetType: 'org',
        targetId: org.id,
        details: { fromParentId: org.parentId, toParentId: target.id, fromPath: org.path, movedOrgs: moved },
        meta,
      });
      return (await repo.findOrgById(tx, org.id))!;
    });
    // Staff of the moved subtree act with their new paths from their next request.
    forgetAllSignedIn(ctx.database);
    return result;
  } catch (err) {
    throw nameConflict(err, name, 'body.newParentId') ?? err;
  }
}

/**
 * Dissolves an empty org: no active child orgs, no enabled staff users, no enterprises registered
 * or covered. When the member registry lands, its count of active members joins this check.
 */
export async function dissolveOrg(
  ctx: AppContext,
  actor: StaffActor,
  id: number,
  input: DissolveOrgBody,
  meta: RequestMeta,
): Promise<OrgWithCount> {
  return inTransaction(ctx.db, async (tx) => {
    await repo.lockTree(tx, 'exclusive');
    const org = await getOrgInScope(tx, actor, id);
    if (org.status !== 'active') throw orgDissolved(org);
    const held = await repo.countDependents(tx, org.id);
    const details = [
      held.childOrgs && {
        path: 'childOrgs',
        message: `${held.childOrgs} active child organization(s) [org.dissolve_no_children]`,
      },
      held.staffUsers && {
        path: 'staffUsers',
        message: `${held.staffUsers} enabled staff user(s) [org.dissolve_no_staff]`,
      },
      held.enterprises && {
        path: 'enterprises',
        message: `${held.enterprises} enterprise(s) registered or covered [org.dissolve_no_enterprises]`,
      },
      held.members && {
        path: 'members',
        message: `${held.members} active member(s): transfer them first [org.dissolve_no_members]`,
      },
    ].filter((d): d is { path: string; message: string } => Boolean(d));
    if (details.length > 0)
      throw new AppError(
        'ORG_NOT_EMPTY',
        `${org.name} still has child organizations, staff users or enterprises; move or remove them first`,
        details,
        held,
      );
    await repo.updateOrg(tx, org.id, { status: 'dissolved' }, ctx.clock.now());
    await recordAudit(tx, {
      actor,
      action: 'org.dissolve',
      orgId: org.id,
      targetType: 'org',
      targetId: org.id,
      details: { reason: input.reason },
      meta,
    });
    return (await repo.findOrgById(tx, org.id))!;
  });
}

export async function searchOrgs(ctx: AppContext, actor: StaffActor, query: OrgSearchQuery) {
  const root = query.rootId ? (await getOrgInScope(ctx.db, actor, query.rootId)).path : actor.orgPath;
  const q = query.q.trim();
  if (!q)
    throw new AppError('VALIDATION_FAILED', 'Type something to search for', [
      { path: 'querystring.q', message: 'is blank' },
    ]);
  const pageSize = query.pageSize ?? 20;
  return repo.searchOrgs(ctx.db, {
    rootPath: root,
    scopePath: actor.orgPath,
    q,
    pinyin: isPinyinQuery(q) ? q.replace(/\s+/g, '').toLowerCase() : null,
    level: query.level,
    limit: pageSize,
    offset: ((query.page ?? 1) - 1) * pageSize,
  });
}

/**
 * Grassroots unions a worker may apply to, across the whole tree (a worker may join anywhere):
 * by name (Chinese or pinyin) or by region. Not scoped: only public facts of a union are shown.
 */
export async function findGrassrootsUnions(
  db: Db,
  query: { q?: string | undefined; regionCode?: string | undefined },
  limit = 20,
): Promise<OrgRow[]> {
  const q = query.q?.trim();
  return repo.listGrassrootsUnions(db, {
    ...(q ? { q, pinyin: isPinyinQuery(q) ? q.replace(/\s+/g, '').toLowerCase() : null } : {}),
    ...(query.regionCode ? { regionCode: query.regionCode } : {}),
    limit,
  });
}
