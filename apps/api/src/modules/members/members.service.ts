import type {
  ChangeMemberStatusBody,
  CorrectIdNumberBody,
  CreateMemberBody,
  MemberExportQuery,
  MemberPii,
  MemberQuery,
  MemberStatus,
  UpdateMemberBody,
} from '@unionhub/contracts';
import type { Db } from '../../db/client.js';
import { isUniqueViolation } from '../../db/errors.js';
import { inTransaction } from '../../db/tx.js';
import { pathInScope } from '../../platform/access.js';
import type { StaffActor } from '../../platform/actor.js';
import type { AppContext, RequestMeta } from '../../platform/context.js';
import { AppError, validationError } from '../../platform/errors.js';
import { maskIdNumber, maskPhone } from '../../platform/pii.js';
import { type AuditActor, recordAudit } from '../audit/index.js';
import { findOrgById, getOrgInScope } from '../orgs/index.js';
import { cachedNamePinyin, idNumberColumns, newMemberColumns, phoneColumns } from './members.columns.js';
import { badTransition, memberAlreadyActive, memberNotFound, orgNotGrassroots } from './members.errors.js';
import {
  canChangeStatus,
  chinaToday,
  classifySearch,
  joinDateProblem,
  maskOrgName,
  parseIdNumber,
} from './members.policy.js';
import * as repo from './members.repository.js';

const ACTIVE_KEY = 'members_active_id_hash_key';

/** The caller as the history and the audit log name it; null is the system (imports, demo data). */
function auditActorOf(actor: StaffActor | null): AuditActor {
  return actor ?? { kind: 'system' };
}

function historyActorOf(actor: StaffActor | null) {
  return actor
    ? { actorType: 'staff', actorId: actor.id, actorName: actor.username }
    : { actorType: 'system', actorId: null, actorName: null };
}

/** The member if its union lies in the actor's subtree; otherwise "not found", whether or not it exists. */
export async function getMemberInScope(db: Db, actor: StaffActor, id: number): Promise<repo.MemberWithOrg> {
  const member = await repo.findMemberById(db, id);
  if (!member || !pathInScope(actor, member.orgPath)) throw memberNotFound(id);
  return member;
}

/** The member by id, wherever it belongs; for use cases that check access themselves (transfers). */
export async function getMemberById(db: Db, id: number): Promise<repo.MemberWithOrg> {
  const member = await repo.findMemberById(db, id);
  if (!member) throw memberNotFound(id);
  return member;
}

/** The active membership of the person holding this phone, if any. */
export async function findActiveMemberByPhoneHash(
  db: Db,
  phoneHash: Buffer,
): Promise<repo.MemberWithOrg | null> {
  return repo.findActiveByPhoneHash(db, phoneHash);
}

/**
 * Refuses a person who already has an active membership, naming the union masked: the caller
 * (a worker applying to join) may not see other unions.
 */
export async function assertNoActiveMembership(ctx: AppContext, idNumber: string, path: string) {
  const existing = await repo.findActiveByIdHash(ctx.db, ctx.pii.lookupHash('id_number', idNumber));
  if (existing) throw memberAlreadyActive(path, { orgName: maskOrgName(existing.orgName) });
}

/** Who made a change, as the status history names it. */
export interface HistoryActor {
  actorType: 'staff' | 'member' | 'system';
  actorId: number | null;
  actorName: string | null;
}

/**
 * Moves an active member to another grassroots union (a completed transfer). Runs in the caller's
 * transaction, which also records the transfer; the member stays active, and the history row names
 * the new union and the reason.
 */
export async function moveMember(
  tx: Db,
  input: { memberId: number; toOrgId: number; reason: string; by: HistoryActor; at: Date },
): Promise<void> {
  const member = await repo.findMemberById(tx, input.memberId);
  if (!member) throw memberNotFound(input.memberId);
  if (member.status !== 'active') throw badTransition(member.status, 'active');
  await repo.updateMember(tx, member.id, { orgId: input.toOrgId }, input.at);
  await repo.insertStatusChange(tx, {
    provinceCode: member.provinceCode,
    memberId: member.id,
    fromStatus: 'active',
    toStatus: 'active',
    orgId: input.toOrgId,
    reason: input.reason,
    ...input.by,
    at: input.at,
  });
}

/** The 409 for a person who is already active somewhere: the union named only if the caller may see it. */
function alreadyActiveError(
  actor: StaffActor | null,
  existing: repo.MemberWithOrg | null,
  path: string,
): AppError {
  if (!existing) return new AppError('CONFLICT', 'The membership changed meanwhile; try again');
  const visible = actor === null || pathInScope(actor, existing.orgPath);
  return memberAlreadyActive(
    path,
    visible
      ? { orgName: existing.orgName, orgId: existing.orgId, memberId: existing.id }
      : { orgName: maskOrgName(existing.orgName) },
  );
}

/** After a unique violation on the active-membership index: whoever won the race holds it now. */
async function lostRaceError(ctx: AppContext, actor: StaffActor | null, idHash: Buffer, path: string) {
  return alreadyActiveError(actor, await repo.findActiveByIdHash(ctx.db, idHash), path);
}

function nameColumns(name: string) {
  const { full, initials } = cachedNamePinyin(name);
  return { name, namePinyin: full, nameInitials: initials };
}

/**
 * Registers a member of a grassroots union. `actor` is null for the system (imports, demo data),
 * which skips the scope check; otherwise the union must lie in the actor's subtree.
 */
export async function createMember(
  ctx: AppContext,
  actor: StaffActor | null,
  input: CreateMemberBody,
  meta?: RequestMeta,
): Promise<repo.MemberWithOrg> {
  const now = ctx.clock.now();
  const org = await findOrgById(ctx.db, input.orgId);
  if (!org || (actor && !pathInScope(actor, org.path)))
    throw new AppError('ORG_NOT_FOUND', `Organization ${input.orgId} not found`, [
      { path: 'body.orgId', message: 'no such organization' },
    ]);
  if (org.level !== 'grassroots' || org.status !== 'active') throw orgNotGrassroots(org.id);

  const parsed = parseIdNumber(input.idNumber, 'body.idNumber', now);
  // Without a valid ID number the birth date is unknown, but a join date in the future is still reported.
  const dateProblem = joinDateProblem(
    input.joinedOn,
    parsed.ok ? parsed.facts.birthDate : '',
    chinaToday(now),
  );
  const problems = [...(parsed.ok ? [] : [parsed.detail]), ...(dateProblem ? [dateProblem] : [])];
  if (!parsed.ok || problems.length) throw validationError(problems);
  const { idNumber, facts } = parsed;

  const idHash = ctx.pii.lookupHash('id_number', idNumber);
  const existing = await repo.findActiveByIdHash(ctx.db, idHash);
  if (existing) throw alreadyActiveError(actor, existing, 'body.idNumber');
  const columns = newMemberColumns(ctx.pii, {
    org,
    name: input.name,
    idNumber,
    facts,
    phone: input.phone,
    employerName: input.employerName ?? null,
    employerId: null,
    joinedOn: input.joinedOn,
    categories: input.categories ?? [],
  });
  const { provinceCode } = columns;
  try {
    return await inTransaction(ctx.db, async (tx) => {
      const id = await repo.insertMember(tx, {
        ...columns,
        status: 'active',
        createdAt: now,
        updatedAt: now,
      });
      await repo.insertStatusChange(tx, {
        provinceCode,
        memberId: id,
        fromStatus: null,
        toStatus: 'active',
        orgId: org.id,
        reason: null,
        ...historyActorOf(actor),
        at: now,
      });
      await recordAudit(tx, {
        actor: auditActorOf(actor),
        action: 'member.create',
        orgId: org.id,
        targetType: 'member',
        targetId: id,
        ...(meta ? { meta } : {}),
      });
      return (await repo.findMemberById(tx, id))!;
    });
  } catch (err) {
    if (isUniqueViolation(err, ACTIVE_KEY)) throw await lostRaceError(ctx, actor, idHash, 'body.idNumber');
    throw err;
  }
}

export async function getMemberWithHistory(ctx: AppContext, actor: StaffActor, id: number) {
  const member = await getMemberInScope(ctx.db, actor, id);
  return { member, history: await repo.listStatusHistory(ctx.db, id) };
}

/** Turns the free search text into exact hashes or a name match. */
function searchOf(ctx: AppContext, q: string | undefined): Partial<repo.MemberFilter> {
  const search = classifySearch(q);
  switch (search?.kind) {
    case 'idNumber':
      return { idHash: ctx.pii.lookupHash('id_number', search.value) };
    case 'phone':
      return { phoneHash: ctx.pii.lookupHash('phone', search.value) };
    case 'pinyin':
      return { pinyinPrefix: search.value };
    case 'name':
      return { nameContains: search.value };
    default:
      return {};
  }
}

/** The filter as the audit log keeps it: an ID number or phone searched for is masked there too. */
export function auditableFilter(query: MemberExportQuery): MemberExportQuery {
  const search = classifySearch(query.q);
  if (search?.kind === 'idNumber') return { ...query, q: maskIdNumber(search.value) };
  if (search?.kind === 'phone') return { ...query, q: maskPhone(search.value) };
  return query;
}

/** The filter of a list or an export, over the caller's subtree or a part of it. */
export async function memberFilterOf(
  ctx: AppContext,
  actor: StaffActor,
  query: MemberExportQuery,
): Promise<repo.MemberFilter> {
  const rootPath = query.orgId ? (await getOrgInScope(ctx.db, actor, query.orgId)).path : actor.orgPath;
  return {
    rootPath,
    ...searchOf(ctx, query.q),
    status: query.status,
    category: query.category,
    employerContains: query.employer?.trim() || undefined,
  };
}

export async function listMembers(ctx: AppContext, actor: StaffActor, query: MemberQuery) {
  const filter = await memberFilterOf(ctx, actor, query);
  const pageSize = query.pageSize ?? 20;
  return repo.listMembersUnder(ctx.db, filter, {
    sort: query.sort ?? '-createdAt',
    limit: pageSize,
    offset: ((query.page ?? 1) - 1) * pageSize,
  });
}

/** The full ID number and phone, for a stated reason; every read is in the audit log. */
export async function readMemberPii(
  ctx: AppContext,
  actor: StaffActor,
  id: number,
  reason: string,
  meta: RequestMeta,
): Promise<MemberPii> {
  const member = await getMemberInScope(ctx.db, actor, id);
  const pii = { idNumber: ctx.pii.open(member.idEnc), phone: ctx.pii.open(member.phoneEnc) };
  await recordAudit(ctx.db, {
    actor,
    action: 'member.pii_read',
    orgId: member.orgId,
    targetType: 'member',
    targetId: id,
    details: { reason, fields: ['idNumber', 'phone'] },
    meta,
  });
  return pii;
}

export async function updateMember(
  ctx: AppContext,
  actor: StaffActor,
  id: number,
  input: UpdateMemberBody,
  meta: RequestMeta,
): Promise<repo.MemberWithOrg> {
  const member = await getMemberInScope(ctx.db, actor, id);
  const now = ctx.clock.now();
  return inTransaction(ctx.db, async (tx) => {
    await repo.updateMember(
      tx,
      id,
      {
        ...(input.name !== undefined ? nameColumns(input.name) : {}),
        ...(input.phone !== undefined ? phoneColumns(ctx.pii, input.phone) : {}),
        ...(input.employerName !== undefined ? { employerName: input.employerName } : {}),
        ...(input.categories !== undefined ? { categories: input.categories } : {}),
      },
      now,
    );
    await recordAudit(tx, {
      actor,
      action: 'member.update',
      orgId: member.orgId,
      targetType: 'member',
      targetId: id,
      details: { fields: Object.keys(input).sort() },
      meta,
    });
    return (await repo.findMemberById(tx, id))!;
  });
}

/** Replaces a wrongly recorded ID number; birth date and gender follow it. Audited with the reason. */
export async function correctMemberIdNumber(
  ctx: AppContext,
  actor: StaffActor,
  id: number,
  input: CorrectIdNumberBody,
  meta: RequestMeta,
): Promise<repo.MemberWithOrg> {
  const member = await getMemberInScope(ctx.db, actor, id);
  const now = ctx.clock.now();
  const parsed = parseIdNumber(input.idNumber, 'body.idNumber', now);
  if (!parsed.ok) throw validationError([parsed.detail]);
  const { idNumber, facts } = parsed;
  const idColumns = idNumberColumns(ctx.pii, idNumber);
  if (idColumns.idHash.equals(member.idHash))
    throw validationError([
      { path: 'body.idNumber', message: 'is the number already recorded', rule: 'id_number.unchanged' },
    ]);
  const dateProblem = joinDateProblem(member.joinedOn, facts.birthDate, chinaToday(now));
  if (dateProblem)
    throw validationError([
      { ...dateProblem, path: 'body.idNumber', message: 'gives a birth date after the join date' },
    ]);
  try {
    return await inTransaction(ctx.db, async (tx) => {
      await repo.updateMember(
        tx,
        id,
        { ...idColumns, birthDate: facts.birthDate, gender: facts.gender },
        now,
      );
      await recordAudit(tx, {
        actor,
        action: 'member.id_number_correct',
        orgId: member.orgId,
        targetType: 'member',
        targetId: id,
        details: { reason: input.reason, from: member.idMasked, to: idColumns.idMasked },
        meta,
      });
      return (await repo.findMemberById(tx, id))!;
    });
  } catch (err) {
    if (isUniqueViolation(err, ACTIVE_KEY))
      throw await lostRaceError(ctx, actor, idColumns.idHash, 'body.idNumber');
    throw err;
  }
}

export async function changeMemberStatus(
  ctx: AppContext,
  actor: StaffActor,
  id: number,
  input: ChangeMemberStatusBody,
  meta: RequestMeta,
): Promise<repo.MemberWithOrg> {
  const member = await getMemberInScope(ctx.db, actor, id);
  const from = member.status as MemberStatus;
  if (!canChangeStatus(from, input.status)) throw badTransition(from, input.status);
  const now = ctx.clock.now();
  try {
    return await inTransaction(ctx.db, async (tx) => {
      await repo.updateMember(tx, id, { status: input.status }, now);
      await repo.insertStatusChange(tx, {
        provinceCode: member.provinceCode,
        memberId: id,
        fromStatus: from,
        toStatus: input.status,
        orgId: member.orgId,
        reason: input.reason,
        ...historyActorOf(actor),
        at: now,
      });
      await recordAudit(tx, {
        actor,
        action: 'member.status_change',
        orgId: member.orgId,
        targetType: 'member',
        targetId: id,
        details: { from, to: input.status, reason: input.reason },
        meta,
      });
      return (await repo.findMemberById(tx, id))!;
    });
  } catch (err) {
    if (isUniqueViolation(err, ACTIVE_KEY))
      throw await lostRaceError(ctx, actor, member.idHash, 'body.status');
    throw err;
  }
}

/** The member holding this ID number within the caller's subtree (the active membership first). */
export async function lookupMember(
  ctx: AppContext,
  actor: StaffActor,
  rawIdNumber: string,
): Promise<repo.MemberWithOrg> {
  const parsed = parseIdNumber(rawIdNumber, 'body.idNumber', ctx.clock.now());
  if (!parsed.ok) throw validationError([parsed.detail]);
  const member = await repo.findByIdHashUnder(
    ctx.db,
    ctx.pii.lookupHash('id_number', parsed.idNumber),
    actor.orgPath,
  );
  if (!member) throw memberNotFound(maskIdNumber(parsed.idNumber));
  return member;
}
