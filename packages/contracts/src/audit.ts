import Type, { type Static } from 'typebox';
import { PageQuery } from './common.js';

export const AuditEntry = Type.Object({
  id: Type.Integer(),
  occurredAt: Type.String(),
  actorType: Type.String(),
  actorId: Type.Union([Type.Integer(), Type.Null()]),
  actorName: Type.Union([Type.String(), Type.Null()]),
  orgId: Type.Union([Type.Integer(), Type.Null()]),
  action: Type.String(),
  targetType: Type.Union([Type.String(), Type.Null()]),
  targetId: Type.Union([Type.String(), Type.Null()]),
  outcome: Type.String(),
  ip: Type.Union([Type.String(), Type.Null()]),
  details: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
});
export type AuditEntry = Static<typeof AuditEntry>;

export const AuditList = Type.Object({ items: Type.Array(AuditEntry), total: Type.Integer() });

export const AuditQuery = Type.Intersect([
  PageQuery,
  Type.Object({
    orgId: Type.Optional(
      Type.Integer({ minimum: 1, description: 'Only this org’s subtree (within the caller’s)' }),
    ),
    action: Type.Optional(Type.String({ maxLength: 64 })),
    actorId: Type.Optional(Type.Integer({ minimum: 1 })),
    from: Type.Optional(Type.String({ format: 'date-time' })),
    to: Type.Optional(Type.String({ format: 'date-time' })),
  }),
]);
