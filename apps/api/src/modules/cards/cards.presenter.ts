import type { Card, CardStatus, MyCard } from '@unionhub/contracts';
import { maskName } from '../../platform/pii.js';
import type { CardWithOrg } from './cards.repository.js';

export function presentCard(row: CardWithOrg): Card {
  return {
    id: row.id,
    memberId: row.memberId,
    orgId: row.orgId,
    orgName: row.orgName,
    cardNo: row.cardNo,
    status: row.status as CardStatus,
    issuedAt: row.issuedAt.toISOString(),
    statusChangedAt: row.statusChangedAt.toISOString(),
    replacedById: row.replacedById,
  };
}

/** What the member app shows: the name masked even to its owner, since the screen is shown to others. */
export function presentMyCard(card: CardWithOrg, token: string, expiresAt: Date): MyCard {
  return {
    cardNo: card.cardNo,
    token,
    expiresAt: expiresAt.toISOString(),
    memberName: maskName(card.memberName),
    orgName: card.orgName,
    status: card.status as CardStatus,
  };
}
