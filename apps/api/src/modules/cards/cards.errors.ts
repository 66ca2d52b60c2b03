import { AppError } from '../../platform/errors.js';

export const cardNotFound = (what: string) => new AppError('CARD_NOT_FOUND', `${what} not found`);

export const cardAlreadyActive = (memberId: number, cardNo: string) =>
  new AppError('CARD_ALREADY_ACTIVE', `Member ${memberId} already holds card ${cardNo}`, [], { cardNo });

export const cardBadTransition = (status: string, action: string) =>
  new AppError('CARD_BAD_TRANSITION', `A ${status} card cannot be given "${action}"`, [
    { path: 'status', message: `cannot ${action} a ${status} card`, rule: 'card.transition' },
  ]);

export const cardMemberNotActive = (memberId: number) =>
  new AppError('CARD_MEMBER_NOT_ACTIVE', `Member ${memberId} is not an active member`);

export const cardRegionMissing = (orgId: number) =>
  new AppError(
    'CARD_REGION_MISSING',
    `The union ${orgId} has no region code; a card number begins with it — set the union's region first`,
  );
