import {
  type CreatePackageBody,
  type CreateServiceBody,
  checkFormDefinition,
  type ErrorDetail,
  type MemberCategory,
  type ServiceQuery,
  type ServiceStatus,
  type UpdatePackageBody,
  type UpdateServiceBody,
} from '@unionhub/contracts';
import type { Db } from '../../db/client.js';
import { inTransaction } from '../../db/tx.js';
import { pathInScope } from '../../platform/access.js';
import type { MemberActor, StaffActor } from '../../platform/actor.js';
import type { AppContext, RequestMeta } from '../../platform/context.js';
import { validationError } from '../../platform/errors.js';
import { recordAudit } from '../audit/index.js';
import { findMemberAccountById } from '../auth/index.js';
import { chinaToday, findActiveMemberByPhoneHash, type MemberWithOrg } from '../members/index.js';
import { getOrgInScope } from '../orgs/index.js';
import {
  membershipRequired,
  overrideInvalid,
  packageNotFound,
  serviceBadTransition,
  serviceNotFound,
  serviceNotOffered,
} from './services.errors.js';
import { ineligibleReason, packageTargets, resolveOverrides } from './services.policy.js';
import * as repo from './services.repository.js';

export type { ServiceWithOrg } from './services.repository.js';

/** The active membership of a member account (the member whose phone the account signs in with). */
export async function findMyMembership(ctx: AppContext, actor: MemberActor): Promise<MemberWithOrg | null> {
  const account = await findMemberAccountById(ctx.db, actor.id);
  return account ? findActiveMemberByPhoneHash(ctx.db, account.phoneHash) : null;
}

export async function getMyMembership(ctx: AppContext, actor: MemberActor): Promise<MemberWithOrg> {
  const member = await findMyMembership(ctx, actor);
  if (!member) throw membershipRequired();
  return member;
}

function definitionProblems(body: Pick<UpdateServiceBody, 'form' | 'attachments'>): ErrorDetail[] {
  const problems = body.form ? checkFormDefinition(body.form) : [];
  const keys = new Set<string>();
  (body.attachments ?? []).forEach((a, i) => {
    if (keys.has(a.key))
      problems.push({ path: `body.attachments.${i}.key`, message: `材料标识“${a.key}”重复` });
    keys.add(a.key);
  });
  return problems;
}

/** A service the staff user may read: published or drafted in their subtree, or published above them. */
async function getServiceVisibleTo(db: Db, actor: StaffActor, id: number) {
  const row = await repo.findServiceById(db, id);
  const above = row && row.status === 'published' && actor.orgPath.startsWith(`${row.orgPath}.`);
  if (!row || !(pathInScope(actor, row.orgPath) || above)) throw serviceNotFound(id);
  return row;
}

async function getServiceInScope(db: Db, actor: StaffActor, id: number) {
  const row = await repo.findServiceById(db, id);
  if (!row || !pathInScope(actor, row.orgPath)) throw serviceNotFound(id);
  return row;
}

export async function createService(
  ctx: AppContext,
  actor: StaffActor,
  body: CreateServiceBody,
  meta: RequestMeta,
) {
  const org = await getOrgInScope(ctx.db, actor, body.orgId);
  const problems = definitionProblems(body);
  if (problems.length) throw validationError(problems);
  if (body.overridesServiceId) {
    const replaced = await repo.findServiceById(ctx.db, body.overridesServiceId);
    if (!replaced || replaced.status !== 'published' || !org.path.startsWith(`${replaced.orgPath}.`))
      throw overrideInvalid(body.overridesServiceId);
  }
  const now = ctx.clock.now();
  return inTransaction(ctx.db, async (tx) => {
    const { orgId, overridesServiceId, ...fields } = body;
    const id = await repo.insertService(tx, {
      orgId,
      ...fields,
      overridesServiceId: overridesServiceId ?? null,
      status: 'draft',
      createdBy: actor.id,
      createdAt: now,
      updatedAt: now,
    });
    await recordAudit(tx, {
      actor,
      action: 'service.create',
      orgId,
      targetType: 'service',
      targetId: id,
      meta,
    });
    return (await repo.findServiceById(tx, id))!;
  });
}

export async function updateService(
  ctx: AppContext,
  actor: StaffActor,
  id: number,
  body: UpdateServiceBody,
  meta: RequestMeta,
) {
  const row = await getServiceInScope(ctx.db, actor, id);
  const problems = definitionProblems(body);
  if (problems.length) throw validationError(problems);
  return inTransaction(ctx.db, async (tx) => {
    await repo.updateService(tx, id, { ...body, updatedAt: ctx.clock.now() });
    await recordAudit(tx, {
      actor,
      action: 'service.update',
      orgId: row.orgId,
      targetType: 'service',
      targetId: id,
      details: { fields: Object.keys(body) },
      meta,
    });
    return (await repo.findServiceById(tx, id))!;
  });
}

const statusMoves: Record<'publish' | 'withdraw', { from: ServiceStatus[]; to: ServiceStatus }> = {
  publish: { from: ['draft', 'withdrawn'], to: 'published' },
  withdraw: { from: ['published'], to: 'withdrawn' },
};

/** Publishing offers the service to the subtree's members; withdrawing stops new requests (open ones go on). */
export async function changeServiceStatus(
  ctx: AppContext,
  actor: StaffActor,
  id: number,
  action: 'publish' | 'withdraw',
  meta: RequestMeta,
) {
  const row = await getServiceInScope(ctx.db, actor, id);
  const move = statusMoves[action];
  if (!move.from.includes(row.status as ServiceStatus))
    throw serviceBadTransition(
      row.status,
      (Object.keys(statusMoves) as (keyof typeof statusMoves)[]).filter((a) =>
        statusMoves[a].from.includes(row.status as ServiceStatus),
      ),
    );
  const now = ctx.clock.now();
  return inTransaction(ctx.db, async (tx) => {
    await repo.updateService(tx, id, {
      status: move.to,
      updatedAt: now,
      ...(move.to === 'published' ? { publishedAt: now } : {}),
    });
    await recordAudit(tx, {
      actor,
      action: `service.${action}`,
      orgId: row.orgId,
      targetType: 'service',
      targetId: id,
      meta,
    });
    return (await repo.findServiceById(tx, id))!;
  });
}

export async function getService(ctx: AppContext, actor: StaffActor, id: number) {
  return getServiceVisibleTo(ctx.db, actor, id);
}

/**
 * Services of the caller's subtree (or of one union in it); with `inherited`, the services published
 * above that union, which it offers too and may replace.
 */
export async function listServices(ctx: AppContext, actor: StaffActor, query: ServiceQuery) {
  const org = query.orgId ? await getOrgInScope(ctx.db, actor, query.orgId) : null;
  if (query.inherited) {
    const items = await repo.listPublishedOnPath(ctx.db, org?.path ?? actor.orgPath, {
      strictAncestors: true,
    });
    return { items, total: items.length };
  }
  const pageSize = query.pageSize ?? 20;
  return repo.listServicesUnder(ctx.db, {
    rootPath: actor.orgPath,
    ...(org ? { orgId: org.id } : {}),
    ...(query.status ? { status: query.status } : {}),
    ...(query.category ? { category: query.category } : {}),
    ...(query.q?.trim() ? { q: query.q.trim() } : {}),
    limit: pageSize,
    offset: ((query.page ?? 1) - 1) * pageSize,
  });
}

const factsOf = (member: MemberWithOrg) => ({
  categories: member.categories as MemberCategory[],
  joinedOn: member.joinedOn,
});

/** The services offered to a member: published on the path from the top down to their union, replacements applied. */
async function offeredTo(db: Db, member: MemberWithOrg) {
  return resolveOverrides(await repo.listPublishedOnPath(db, member.orgPath));
}

export async function getMyCatalogue(ctx: AppContext, actor: MemberActor) {
  const member = await getMyMembership(ctx, actor);
  const offered = await offeredTo(ctx.db, member);
  const facts = factsOf(member);
  const withEligibility = offered.map((s) => ({
    service: s,
    reason: ineligibleReason(s.eligibility, facts),
  }));
  const today = chinaToday(ctx.clock.now());
  const packages = (await repo.listPublishedPackagesOnPath(ctx.db, member.orgPath))
    .filter((p) => packageTargets(p.target, facts, today))
    .map((p) => ({
      pkg: p,
      services: p.serviceIds
        .map((id) => withEligibility.find((s) => s.service.id === id))
        .filter((s): s is (typeof withEligibility)[number] => Boolean(s)),
    }))
    .filter((p) => p.services.length > 0);
  return { member, packages, services: withEligibility };
}

/** One service as offered to the member, with whether they may apply; not offered → 404. */
export async function getOfferedService(ctx: AppContext, member: MemberWithOrg, serviceId: number) {
  const service = (await offeredTo(ctx.db, member)).find((s) => s.id === serviceId);
  if (!service) throw serviceNotOffered(serviceId);
  return { service, reason: ineligibleReason(service.eligibility, factsOf(member)) };
}

/**
 * What filing a request needs to know in one read: the member account's active membership (none →
 * 403 as for getMyMembership), the unions on its path (to route the request) and the service as
 * offered to the member (not offered → 404), with why they may not apply, if so.
 */
export async function getServiceToFile(ctx: AppContext, actor: MemberActor, serviceId: number) {
  const found = await repo.findMemberOnPath(ctx.db, actor.id);
  if (!found) throw membershipRequired();
  const service = resolveOverrides(found.published).find((s) => s.id === serviceId);
  if (!service) throw serviceNotOffered(serviceId);
  const reason = ineligibleReason(service.eligibility, factsOf(found.member));
  return { member: found.member, path: found.path, service, reason };
}

export async function getServiceById(db: Db, id: number) {
  const row = await repo.findServiceById(db, id);
  if (!row) throw serviceNotFound(id);
  return row;
}

async function checkPackageServices(db: Db, orgPath: string, ids: number[]) {
  const onPath = new Set((await repo.listPublishedOnPath(db, orgPath)).map((s) => s.id));
  const problems: ErrorDetail[] = ids
    .map((id, i) => ({ id, i }))
    .filter(({ id }) => !onPath.has(id))
    .map(({ id, i }) => ({ path: `body.serviceIds.${i}`, message: `服务 ${id} 不是本会或上级已发布的服务` }));
  if (problems.length) throw validationError(problems);
}

export async function createPackage(
  ctx: AppContext,
  actor: StaffActor,
  body: CreatePackageBody,
  meta: RequestMeta,
) {
  const org = await getOrgInScope(ctx.db, actor, body.orgId);
  await checkPackageServices(ctx.db, org.path, body.serviceIds);
  const now = ctx.clock.now();
  return inTransaction(ctx.db, async (tx) => {
    const id = await repo.insertPackage(tx, { ...body, status: 'draft', createdAt: now, updatedAt: now });
    await recordAudit(tx, {
      actor,
      action: 'service_package.create',
      orgId: org.id,
      targetType: 'service_package',
      targetId: id,
      meta,
    });
    return (await repo.findPackageById(tx, id))!;
  });
}

export async function updatePackage(
  ctx: AppContext,
  actor: StaffActor,
  id: number,
  body: UpdatePackageBody,
  meta: RequestMeta,
) {
  const row = await repo.findPackageById(ctx.db, id);
  if (!row || !pathInScope(actor, row.orgPath)) throw packageNotFound(id);
  if (body.serviceIds) await checkPackageServices(ctx.db, row.orgPath, body.serviceIds);
  return inTransaction(ctx.db, async (tx) => {
    await repo.updatePackage(tx, id, { ...body, updatedAt: ctx.clock.now() });
    await recordAudit(tx, {
      actor,
      action: 'service_package.update',
      orgId: row.orgId,
      targetType: 'service_package',
      targetId: id,
      details: { fields: Object.keys(body) },
      meta,
    });
    return (await repo.findPackageById(tx, id))!;
  });
}

export async function listPackages(ctx: AppContext, actor: StaffActor, orgId?: number) {
  const org = orgId ? await getOrgInScope(ctx.db, actor, orgId) : null;
  return repo.listPackagesUnder(ctx.db, actor.orgPath, org?.id);
}
