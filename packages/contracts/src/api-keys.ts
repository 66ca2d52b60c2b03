import Type, { type Static } from 'typebox';
import { Id, StringEnum } from './common.js';
import { ApiKeyGrantablePermissions } from './permissions.js';

export const ApiKey = Type.Object({
  id: Id,
  name: Type.String(),
  orgId: Id,
  orgName: Type.String(),
  /** The key's public prefix, shown so people can tell keys apart; the secret is never shown again. */
  prefix: Type.String(),
  permissions: Type.Array(Type.String()),
  createdBy: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  expiresAt: Type.Union([Type.String(), Type.Null()]),
  lastUsedAt: Type.Union([Type.String(), Type.Null()]),
  revokedAt: Type.Union([Type.String(), Type.Null()]),
  status: StringEnum(['active', 'expired', 'revoked']),
});
export type ApiKey = Static<typeof ApiKey>;

export const ApiKeyList = Type.Object({ items: Type.Array(ApiKey) });

export const CreateApiKeyBody = Type.Object(
  {
    name: Type.String({
      minLength: 2,
      maxLength: 64,
      description: 'What the key is for, e.g. 省政务数据共享平台',
    }),
    orgId: Id,
    permissions: Type.Array(StringEnum(ApiKeyGrantablePermissions), { minItems: 1, uniqueItems: true }),
    expiresAt: Type.Optional(Type.String({ format: 'date-time' })),
  },
  { additionalProperties: false },
);
export type CreateApiKeyBody = Static<typeof CreateApiKeyBody>;

export const CreatedApiKey = Type.Intersect([
  ApiKey,
  Type.Object({
    key: Type.String({
      description: 'The full key: shown once, store it now. Send it as "Authorization: ApiKey <key>".',
    }),
  }),
]);
export type CreatedApiKey = Static<typeof CreatedApiKey>;

export const ApiKeyQuery = Type.Object({ orgId: Type.Optional(Type.Integer({ minimum: 1 })) });
