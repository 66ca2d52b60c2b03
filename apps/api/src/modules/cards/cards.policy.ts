import type { CardStatus, CardVerifyReason } from '@unionhub/contracts';

export type CardAction = 'suspend' | 'resume' | 'revoke' | 'reissue';

/** Which card statuses each action starts from and leads to; revoked and replaced are final. */
const transitions: Record<CardAction, { from: readonly CardStatus[]; to: CardStatus }> = {
  suspend: { from: ['active'], to: 'suspended' },
  resume: { from: ['suspended'], to: 'active' },
  revoke: { from: ['active', 'suspended'], to: 'revoked' },
  reissue: { from: ['active', 'suspended'], to: 'replaced' },
};

/** The status after the action, or null when the action is not allowed from `status`. */
export function cardStatusAfter(status: CardStatus, action: CardAction): CardStatus | null {
  const t = transitions[action];
  return t.from.includes(status) ? t.to : null;
}

/** Why a card in this status does not pass verification; null when it does. */
export function statusRefusal(status: CardStatus): CardVerifyReason | null {
  switch (status) {
    case 'active':
      return null;
    case 'suspended':
      return 'card_suspended';
    case 'revoked':
      return 'card_revoked';
    case 'replaced':
      return 'card_replaced';
  }
}

/** The year of issue as people in China count it (UTC+8), whatever the server's zone. */
export function chinaYear(now: Date): number {
  return new Date(now.getTime() + 8 * 3600_000).getUTCFullYear();
}
