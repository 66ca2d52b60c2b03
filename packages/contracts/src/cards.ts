import Type, { type Static } from 'typebox';
import { Id, StringEnum } from './common.js';

export const CardStatuses = ['active', 'suspended', 'revoked', 'replaced'] as const;
export type CardStatus = (typeof CardStatuses)[number];

/** Why a QR token was not accepted; a verifier shows these, never member data. */
export const CardVerifyReasons = [
  'malformed',
  'bad_signature',
  'expired',
  'not_yet_valid',
  'replayed',
  'card_suspended',
  'card_revoked',
  'card_replaced',
  'card_not_found',
] as const;
export type CardVerifyReason = (typeof CardVerifyReasons)[number];

export const Card = Type.Object({
  id: Id,
  memberId: Id,
  orgId: Id,
  orgName: Type.String(),
  cardNo: Type.String({ description: '16 digits: region, year, serial, Luhn check' }),
  status: StringEnum(CardStatuses),
  issuedAt: Type.String(),
  statusChangedAt: Type.String(),
  replacedById: Type.Union([Id, Type.Null()]),
});
export type Card = Static<typeof Card>;

export const CardList = Type.Object({ items: Type.Array(Card) });
export type CardList = Static<typeof CardList>;

export const CardReasonBody = Type.Object(
  { reason: Type.String({ minLength: 2, maxLength: 200, description: 'Why, for the audit log' }) },
  { additionalProperties: false },
);
export type CardReasonBody = Static<typeof CardReasonBody>;

export const MyCard = Type.Object({
  cardNo: Type.String(),
  token: Type.String({ description: 'Ed25519-signed QR token, valid 60 seconds (UHC1.…)' }),
  expiresAt: Type.String(),
  memberName: Type.String({ description: 'Masked: 张**' }),
  orgName: Type.String(),
  status: StringEnum(CardStatuses),
});
export type MyCard = Static<typeof MyCard>;

export const CardPublicKey = Type.Object({
  algorithm: Type.Literal('Ed25519'),
  spkiPem: Type.String(),
  raw: Type.String({ description: 'The 32-byte public key, base64url' }),
  tokenPrefix: Type.String(),
  ttlSeconds: Type.Integer(),
});
export type CardPublicKey = Static<typeof CardPublicKey>;

export const VerifyCardBody = Type.Object(
  { token: Type.String({ minLength: 1, maxLength: 512 }) },
  { additionalProperties: false },
);
export type VerifyCardBody = Static<typeof VerifyCardBody>;

export const CardVerification = Type.Object({
  valid: Type.Boolean(),
  reason: Type.Union([StringEnum(CardVerifyReasons), Type.Null()]),
  cardNo: Type.Union([Type.String(), Type.Null()]),
  maskedName: Type.Union([Type.String(), Type.Null()]),
  orgName: Type.Union([Type.String(), Type.Null()]),
});
export type CardVerification = Static<typeof CardVerification>;
