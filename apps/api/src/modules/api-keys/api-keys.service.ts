import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { type CreateApiKeyBody, type Permission, Permissions } from '@unionhub/contracts';
import { inTransaction } from '../../db/tx.js';
import { pathInScope } from '../../platform/access.js';
import type { StaffActor } from '../../platform/actor.js';
import type { AppContext, RequestMeta } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { getOrgInScope } from '../orgs/orgs.service.js';
import * as repo from './api-keys.repository.js';

const KEY_PATTERN = /^uhk_([a-z0-9]{10})_([A-Za-z0-9_-]{43})$/;

const sha256 = (value: string) => createHash('sha256').update(value).digest();

const keyNotFound = (id: number) => new AppError('API_KEY_NOT_FOUND', `API key ${id} not found`);
const invalidKey = () =>
  new AppError('UNAUTHENTICATED', 'The API key is not valid, has expired or was revoked');

export function keyStatus(
  row: Pick<repo.ApiKeyRow, 'revokedAt' | 'expiresAt'>,
  now: Date,
): 'active' | 'expired' | 'revoked' {
  if (row.revokedAt) return 'revoked';
  if (row.expiresAt && row.expiresAt <= now) return 'expired';
  return 'active';
}

export async function createApiKey(
  ctx: AppContext,
  actor: StaffActor,
  input: CreateApiKeyBody,
  meta: RequestMeta,
) {
  const org = await getOrgInScope(ctx.db, actor, input.orgId);
  const problems = input.permissions
    .filter((p) => !actor.permissions.has(p as Permission))
    .map((p) => ({ path: 'body.permissions', message: `you do not hold ${p} yourself` }));
  if (problems.length)
    throw new AppError(
      'API_KEY_PERMISSION_NOT_GRANTABLE',
      'A key can only get permissions you hold',
      problems,
    );
  const now = ctx.clock.now();
  if (input.expiresAt && new Date(input.expiresAt) <= now)
    throw new AppError('VALIDATION_FAILED', 'The expiry must be in the future', [
      { path: 'body.expiresAt', message: 'must be in the future' },
    ]);
  const prefix = randomBytes(8).toString('hex').slice(0, 10);
  const key = `uhk_${prefix}_${randomBytes(32).toString('base64url')}`;
  const permissions = Permissions.filter((p) => input.permissions.includes(p as never));
  const id = await inTransaction(ctx.db, async (tx) => {
    const keyId = await repo.insertApiKey(tx, {
      orgId: org.id,
      name: input.name,
      prefix,
      keyHash: sha256(key),
      permissions,
      createdBy: actor.id,
      createdByName: actor.username,
      expiresAt: input.expiresAt ? new Date(input.expiresAt) : null,
    });
    await recordAudit(tx, {
      actor,
      action: 'apikey.create',
      orgId: org.id,
      targetType: 'api_key',
      targetId: keyId,
      details: { name: input.name, prefix, permissions, expiresAt: input.expiresAt ?? null },
      meta,
    });
    return keyId;
  });
  return { row: (await repo.findApiKeyById(ctx.db, id))!, key };
}

export async function listApiKeys(ctx: AppContext, actor: StaffActor, orgId?: number) {
  const root = orgId ? (await getOrgInScope(ctx.db, actor, orgId)).path : actor.orgPath;
  return repo.listApiKeysUnder(ctx.db, root);
}

export async function revokeApiKey(ctx: AppContext, actor: StaffActor, id: number, meta: RequestMeta) {
  const row = await repo.findApiKeyById(ctx.db, id);
  if (!row || !pathInScope(actor, row.orgPath)) throw keyNotFound(id);
  await inTransaction(ctx.db, async (tx) => {
    await repo.revokeApiKey(tx, id, actor.id, ctx.clock.now());
    await recordAudit(tx, {
      actor,
      action: 'apikey.revoke',
      orgId: row.orgId,
      targetType: 'api_key',
      targetId: id,
      meta,
    });
  });
  return (await repo.findApiKeyById(ctx.db, id))!;
}

/** Resolves "ApiKey <key>" to an actor scoped to the key's org subtree with the key's permissions. */
export async function authenticateApiKey(ctx: AppContext, key: string): Promise<StaffActor> {
  const match = KEY_PATTERN.exec(key);
  if (!match) throw invalidKey();
  const row = await repo.findApiKeyByPrefix(ctx.db, match[1]!);
  const now = ctx.clock.now();
  if (!row || !timingSafeEqual(row.keyHash, sha256(key)) || keyStatus(row, now) !== 'active')
    throw invalidKey();
  await repo.touchApiKey(ctx.db, row.id, now);
  return {
    kind: 'staff',
    via: 'apikey',
    id: row.id,
    sessionId: '',
    username: `apikey:${row.prefix}`,
    displayName: row.name,
    orgId: row.orgId,
    orgPath: row.orgPath,
    roles: [],
    permissions: new Set(row.permissions as Permission[]),
  };
}
