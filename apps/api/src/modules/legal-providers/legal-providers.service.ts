import {
  type CreateProviderBody,
  LICENCE_NO_PATTERN,
  type ProviderQuery,
  type PublicProviderQuery,
  type UpdateProviderBody,
} from '@unionhub/contracts';
import type { Db } from '../../db/client.js';
import { isUniqueViolation } from '../../db/errors.js';
import { inTransaction } from '../../db/tx.js';
import { pathInScope } from '../../platform/access.js';
import type { StaffActor } from '../../platform/actor.js';
import type { AppContext, RequestMeta } from '../../platform/context.js';
import { AppError, validationError } from '../../platform/errors.js';
import { maskPhone } from '../../platform/pii.js';
import { recordAudit } from '../audit/index.js';
import { hashPassword, passwordProblems } from '../auth/index.js';
import { getOrgInScope } from '../orgs/index.js';
import { regionExists } from '../regions/index.js';
import { insertStaffUser } from '../users/index.js';
import { licenceInvalid, licenceTaken, providerNotFound } from './legal-providers.errors.js';
import * as repo from './legal-providers.repository.js';

const LICENCE_KEY = 'legal_providers_licence_no_key';

/** A provider of a union in the caller's subtree; anything else → 404 (naming the field when given). */
export async function getProviderInScope(db: Db, actor: StaffActor, id: number, path?: string) {
  const row = await repo.findProviderView(db, id);
  if (!row || !pathInScope(actor, row.orgPath)) throw providerNotFound(id, path);
  return row;
}

function checkLicence(kind: string, licenceNo: string | null | undefined) {
  if (kind === 'lawyer' && !licenceNo) throw licenceInvalid(kind);
  if (licenceNo && !LICENCE_NO_PATTERN.test(licenceNo)) throw licenceInvalid(kind);
}

function checkRegion(code: string | undefined) {
  if (code && !regionExists(code))
    throw validationError([
      { path: 'body.regionCode', message: `没有代码为 ${code} 的行政区划`, rule: 'region.exists' },
    ]);
}

/**
 * A union registers a lawyer or volunteer it works with; with `account`, their sign-in (role lawyer,
 * in the same union) is created in the same transaction.
 */
export async function createProvider(
  ctx: AppContext,
  actor: StaffActor,
  body: CreateProviderBody,
  meta: RequestMeta,
) {
  const org = await getOrgInScope(ctx.db, actor, body.orgId, 'body.orgId');
  const licenceNo = body.licenceNo?.trim() || null;
  checkLicence(body.kind, licenceNo);
  checkRegion(body.regionCode);
  let passwordHash: string | null = null;
  if (body.account) {
    const problems = passwordProblems(body.account.password, body.account.username, 'body.account.password');
    if (problems.length) throw new AppError('AUTH_WEAK_PASSWORD', 'Choose a stronger password', problems);
    passwordHash = await hashPassword(body.account.password);
  }
  const now = ctx.clock.now();
  try {
    return await inTransaction(ctx.db, async (tx) => {
      let staffUserId: number | null = null;
      if (body.account && passwordHash) {
        staffUserId = await insertStaffUser(tx, {
          orgId: org.id,
          username: body.account.username,
          displayName: body.name,
          passwordHash,
          roles: ['lawyer'],
        });
        await recordAudit(tx, {
          actor,
          action: 'user.create',
          orgId: org.id,
          targetType: 'staff_user',
          targetId: staffUserId,
          details: { username: body.account.username, roles: ['lawyer'] },
          meta,
        });
      }
      const id = await repo.insertProvider(tx, {
        orgId: org.id,
        kind: body.kind,
        name: body.name.trim(),
        firm: body.firm?.trim() || null,
        licenceNo,
        fields: body.fields,
        regionCode: body.regionCode,
        languages: body.languages ?? ['普通话'],
        phoneHash: ctx.pii.lookupHash('phone', body.phone),
        phoneEnc: ctx.pii.seal(body.phone),
        phoneMasked: maskPhone(body.phone),
        status: 'active',
        staffUserId,
        createdAt: now,
        updatedAt: now,
      });
      await recordAudit(tx, {
        actor,
        action: 'legal_provider.create',
        orgId: org.id,
        targetType: 'legal_provider',
        targetId: id,
        details: { kind: body.kind, account: body.account?.username ?? null },
        meta,
      });
      return (await repo.findProviderView(tx, id))!;
    });
  } catch (err) {
    if (licenceNo && isUniqueViolation(err, LICENCE_KEY)) throw licenceTaken(licenceNo);
    if (body.account && isUniqueViolation(err, 'staff_users_username_key'))
      throw new AppError('USER_USERNAME_TAKEN', `The username "${body.account.username}" is taken`, [
        { path: 'body.account.username', message: 'is taken' },
      ]);
    throw err;
  }
}

export async function updateProvider(
  ctx: AppContext,
  actor: StaffActor,
  id: number,
  body: UpdateProviderBody,
  meta: RequestMeta,
) {
  const row = await getProviderInScope(ctx.db, actor, id);
  const licenceNo = body.licenceNo === undefined ? row.licenceNo : body.licenceNo.trim() || null;
  checkLicence(row.kind, licenceNo);
  checkRegion(body.regionCode);
  const change: Partial<repo.ProviderRow> = { updatedAt: ctx.clock.now(), licenceNo };
  if (body.name !== undefined) change.name = body.name.trim();
  if (body.firm !== undefined) change.firm = body.firm.trim() || null;
  if (body.fields) change.fields = body.fields;
  if (body.regionCode) change.regionCode = body.regionCode;
  if (body.languages) change.languages = body.languages;
  if (body.status) change.status = body.status;
  if (body.phone) {
    change.phoneHash = ctx.pii.lookupHash('phone', body.phone);
    change.phoneEnc = ctx.pii.seal(body.phone);
    change.phoneMasked = maskPhone(body.phone);
  }
  try {
    return await inTransaction(ctx.db, async (tx) => {
      await repo.updateProvider(tx, id, change);
      await recordAudit(tx, {
        actor,
        action: 'legal_provider.update',
        orgId: row.orgId,
        targetType: 'legal_provider',
        targetId: id,
        details: { fields: Object.keys(body) },
        meta,
      });
      return (await repo.findProviderView(tx, id))!;
    });
  } catch (err) {
    if (licenceNo && isUniqueViolation(err, LICENCE_KEY)) throw licenceTaken(licenceNo);
    throw err;
  }
}

export async function listProviders(ctx: AppContext, actor: StaffActor, query: ProviderQuery) {
  const root = query.orgId ? (await getOrgInScope(ctx.db, actor, query.orgId)).path : actor.orgPath;
  const pageSize = query.pageSize ?? 20;
  return repo.listProviders(ctx.db, {
    root,
    above: query.includeAbove ? actor.orgPath : undefined,
    q: query.q?.trim() || undefined,
    kind: query.kind,
    field: query.field,
    status: query.status,
    limit: pageSize,
    offset: ((query.page ?? 1) - 1) * pageSize,
  });
}

/** The members' directory: active providers anywhere, by field and region (a prefix of the code). */
export async function listPublicProviders(ctx: AppContext, query: PublicProviderQuery) {
  const pageSize = query.pageSize ?? 20;
  const region = query.regionCode?.replace(/(00)+$/, '');
  return repo.listProviders(ctx.db, {
    root: null,
    field: query.field,
    status: 'active',
    regionPrefix: region || undefined,
    limit: pageSize,
    offset: ((query.page ?? 1) - 1) * pageSize,
  });
}

/** The provider record of a signed-in lawyer, or null for a staff user who is not one. */
export async function findProviderOfUser(db: Db, staffUserId: number) {
  return repo.findProviderByStaffUser(db, staffUserId);
}
