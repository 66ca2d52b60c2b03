import Type, { type Static } from 'typebox';
import { Id, StringEnum, Timestamp } from './common.js';

/** 会员关系转接: the origin union approves, then the destination; 30 days without a rejection complete it. */
export const TransferStatuses = [
  'pending_origin',
  'pending_destination',
  'completed',
  'rejected',
  'cancelled',
] as const;
export type TransferStatus = (typeof TransferStatuses)[number];

export const TransferActions = ['approve', 'reject', 'cancel', 'auto_accept'] as const;
export type TransferAction = (typeof TransferActions)[number];

/** Days after which a transfer nobody rejected completes by itself. */
export const TRANSFER_AUTO_ACCEPT_DAYS = 30;

const Reason = Type.String({ minLength: 2, maxLength: 200 });

export const CreateTransferBody = Type.Object(
  { memberId: Id, toOrgId: Id, reason: Reason },
  { additionalProperties: false },
);
export type CreateTransferBody = Static<typeof CreateTransferBody>;

export const CreateMyTransferBody = Type.Object(
  { toOrgId: Id, reason: Reason },
  { additionalProperties: false },
);
export type CreateMyTransferBody = Static<typeof CreateMyTransferBody>;

export const RejectTransferBody = Type.Object({ reason: Reason }, { additionalProperties: false });
export type RejectTransferBody = Static<typeof RejectTransferBody>;

export const TransferStep = Type.Object({
  action: Type.String({ description: 'start, approve, reject, cancel or auto_accept' }),
  fromStatus: Type.Union([StringEnum(TransferStatuses), Type.Null()]),
  toStatus: StringEnum(TransferStatuses),
  actorType: Type.String(),
  actorName: Type.Union([Type.String(), Type.Null()]),
  reason: Type.Union([Type.String(), Type.Null()]),
  at: Timestamp,
});
export type TransferStep = Static<typeof TransferStep>;

export const Transfer = Type.Object({
  id: Id,
  memberId: Id,
  memberName: Type.String(),
  fromOrgId: Id,
  fromOrgName: Type.String(),
  toOrgId: Id,
  toOrgName: Type.String(),
  reason: Type.String(),
  status: StringEnum(TransferStatuses),
  startedBy: StringEnum(['staff', 'member'] as const),
  decisionReason: Type.Union([Type.String(), Type.Null()]),
  autoAcceptAt: Timestamp,
  createdAt: Timestamp,
  updatedAt: Timestamp,
  allowedActions: Type.Array(StringEnum(['approve', 'reject', 'cancel'] as const)),
});
export type Transfer = Static<typeof Transfer>;

export const TransferDetail = Type.Intersect([Transfer, Type.Object({ history: Type.Array(TransferStep) })]);
export type TransferDetail = Static<typeof TransferDetail>;

export const TransferList = Type.Object({ items: Type.Array(Transfer), total: Type.Integer({ minimum: 0 }) });

export const TransferQuery = Type.Object(
  {
    orgId: Type.Optional(Type.Integer({ minimum: 1 })),
    direction: Type.Optional(StringEnum(['in', 'out'] as const)),
    status: Type.Optional(StringEnum(TransferStatuses)),
    page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
  },
  { additionalProperties: false },
);
export type TransferQuery = Static<typeof TransferQuery>;
