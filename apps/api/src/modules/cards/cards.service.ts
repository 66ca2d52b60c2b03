import type { CardReasonBody, CardStatus, CardVerification, CardVerifyReason } from '@unionhub/contracts';
import type { Db } from '../../db/client.js';
import { isUniqueViolation } from '../../db/errors.js';
import { inTransaction } from '../../db/tx.js';
import type { MemberActor, StaffActor } from '../../platform/actor.js';
import type { AppContext, RequestMeta } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { maskName } from '../../platform/pii.js';
import { recordAudit } from '../audit/index.js';
import { getMemberInScope } from '../members/index.js';
import { findOrgById } from '../orgs/index.js';
import { formatCardNumber } from './card-number.js';
import { type CardSigningKeys, cardKeysFromPem, checkCardToken, signCardToken } from './card-token.js';
import {
  cardAlreadyActive,
  cardBadTransition,
  cardMemberNotActive,
  cardNotFound,
  cardRegionMissing,
} from './cards.errors.js';
import { type CardAction, cardStatusAfter, chinaYear, statusRefusal } from './cards.policy.js';
import * as repo from './cards.repository.js';

const ONE_CURRENT_KEY = 'member_cards_one_current_key';

const keysByPem = new Map<string, CardSigningKeys>();
/** The signing keys from the secrets, parsed once per key. */
export function cardKeysOf(ctx: AppContext): CardSigningKeys {
  const pem = ctx.config.secrets.cardSigningKeyPem;
  let keys = keysByPem.get(pem);
  if (!keys) {
    keys = cardKeysFromPem(pem);
    keysByPem.set(pem, keys);
  }
  return keys;
}

/** The card if its member's current union lies in the actor's subtree; otherwise "not found". */
async function getCardInScope(db: Db, actor: StaffActor, id: number) {
  const card = await repo.findCardById(db, id);
  if (!card) throw cardNotFound(`Card ${id}`);
  try {
    return { card, member: await getMemberInScope(db, actor, card.memberId) };
  } catch (err) {
    if (err instanceof AppError && err.code === 'MEMBER_NOT_FOUND') throw cardNotFound(`Card ${id}`);
    throw err;
  }
}

/**
 * Allocates a number and inserts an active card for the member in its union; runs inside `tx`.
 * Joining calls it when an application is accepted, so a new member always has a card to show.
 */
export async function insertNewCard(
  tx: Db,
  member: { id: number; orgId: number; provinceCode: string },
  now: Date,
): Promise<number> {
  const org = await findOrgById(tx, member.orgId);
  if (!org?.regionCode) throw cardRegionMissing(member.orgId);
  const year = chinaYear(now);
  const serial = await repo.nextSerial(tx, org.regionCode, year);
  const cardNo = formatCardNumber({ regionCode: org.regionCode, year, serial });
  const id = await repo.insertCard(tx, {
    provinceCode: member.provinceCode,
    memberId: member.id,
    orgId: member.orgId,
    cardNo,
    status: 'active',
    issuedAt: now,
    statusChangedAt: now,
  });
  await repo.setMemberCardNo(tx, member.id, cardNo, now);
  return id;
}

export async function issueCard(ctx: AppContext, actor: StaffActor, memberId: number, meta: RequestMeta) {
  const member = await getMemberInScope(ctx.db, actor, memberId);
  if (member.status !== 'active') throw cardMemberNotActive(memberId);
  const current = await repo.findCurrentCard(ctx.db, memberId);
  if (current) throw cardAlreadyActive(memberId, current.cardNo);
  const now = ctx.clock.now();
  try {
    const id = await inTransaction(ctx.db, async (tx) => {
      const cardId = await insertNewCard(tx, member, now);
      await recordAudit(tx, {
        actor,
        action: 'card.issue',
        orgId: member.orgId,
        targetType: 'member_card',
        targetId: cardId,
        details: { memberId },
        meta,
      });
      return cardId;
    });
    return (await repo.findCardById(ctx.db, id))!;
  } catch (err) {
    if (isUniqueViolation(err, ONE_CURRENT_KEY)) {
      const winner = await repo.findCurrentCard(ctx.db, memberId);
      throw cardAlreadyActive(memberId, winner?.cardNo ?? '');
    }
    throw err;
  }
}

export async function listMemberCards(ctx: AppContext, actor: StaffActor, memberId: number) {
  await getMemberInScope(ctx.db, actor, memberId);
  return repo.listCardsOfMember(ctx.db, memberId);
}

/** Suspend, resume, revoke or reissue; each audited with its reason. Reissue returns the new card. */
export async function changeCardStatus(
  ctx: AppContext,
  actor: StaffActor,
  id: number,
  action: CardAction,
  input: Partial<CardReasonBody>,
  meta: RequestMeta,
) {
  const { card, member } = await getCardInScope(ctx.db, actor, id);
  const to = cardStatusAfter(card.status as CardStatus, action);
  if (!to) throw cardBadTransition(card.status, action);
  if (action === 'reissue' && member.status !== 'active') throw cardMemberNotActive(member.id);
  const now = ctx.clock.now();
  const resultId = await inTransaction(ctx.db, async (tx) => {
    // The old card leaves the active set first, so the member's new card can take its place.
    await repo.updateCardStatus(tx, id, to, now);
    let newId: number | null = null;
    if (action === 'reissue') {
      // Numbered by the member's union now, which a transfer may have changed since the old card.
      newId = await insertNewCard(tx, member, now);
      await repo.linkReplacement(tx, id, newId);
    } else {
      await repo.setMemberCardNo(tx, card.memberId, to === 'active' ? card.cardNo : null, now);
    }
    await recordAudit(tx, {
      actor,
      action: `card.${action}`,
      orgId: card.orgId,
      targetType: 'member_card',
      targetId: id,
      details: {
        memberId: card.memberId,
        from: card.status,
        to,
        reason: input.reason ?? null,
        ...(newId ? { newCardId: newId } : {}),
      },
      meta,
    });
    return newId ?? id;
  });
  return (await repo.findCardById(ctx.db, resultId))!;
}

/**
 * The signed-in member's card with a fresh QR token. A member account is linked to its membership by
 * phone: `member_accounts.phone_hash` equals the active member's `members.phone_hash` (both keyed
 * hashes of the same number), so signing in by SMS code on the phone on record proves who it is.
 */
export async function getMyCard(ctx: AppContext, actor: MemberActor) {
  const memberId = await repo.findActiveMemberOfAccount(ctx.db, actor.id);
  const card = memberId ? await repo.findCurrentCard(ctx.db, memberId) : null;
  if (!card) throw cardNotFound('Your member card');
  const { token, claims } = signCardToken(cardKeysOf(ctx), card.id, ctx.clock.now());
  return { card, token, expiresAt: claims.expiresAt };
}

export function cardPublicKey(ctx: AppContext) {
  const { publicKey } = cardKeysOf(ctx);
  const jwk = publicKey.export({ format: 'jwk' });
  return {
    spkiPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    raw: jwk.x!,
  };
}

const refused = (reason: CardVerifyReason): CardVerification => ({
  valid: false,
  reason,
  cardNo: null,
  maskedName: null,
  orgName: null,
});

/**
 * Checks a QR token: signature and window, then the card's status, then that this verifier has not
 * presented it before. Not scoped to an org — a verifier anywhere checks any member's card — so it
 * answers only the masked name, the union and the number, and nothing at all when it refuses.
 */
export async function verifyCardToken(
  ctx: AppContext,
  actor: StaffActor,
  token: string,
): Promise<CardVerification> {
  const now = ctx.clock.now();
  const verifier = `${actor.via === 'apikey' ? 'apikey' : 'staff'}:${actor.id}`;
  const check = checkCardToken(cardKeysOf(ctx).publicKey, token, now);
  if (!check.valid) {
    await repo.recordVerification(ctx.db, {
      cardId: null,
      verifier,
      nonce: null,
      verifiedAt: now,
      result: check.reason,
    });
    return refused(check.reason);
  }
  const { cardId, nonce } = check.claims;
  const card = await repo.verifyAndRecord(ctx.db, { cardId, verifier, nonce, at: now });
  if (card?.recordedValid)
    return {
      valid: true,
      reason: null,
      cardNo: card.cardNo,
      maskedName: maskName(card.memberName),
      orgName: card.orgName,
    };
  // The rare outcomes are recorded apart: no such card, a card not active, or a token used before.
  const reason: CardVerifyReason = card
    ? (statusRefusal(card.status as CardStatus) ?? 'replayed')
    : 'card_not_found';
  await repo.recordVerification(ctx.db, {
    cardId: card ? cardId : null,
    verifier,
    nonce,
    verifiedAt: now,
    result: reason,
  });
  return refused(reason);
}
