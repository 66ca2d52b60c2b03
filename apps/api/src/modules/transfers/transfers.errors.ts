import { AppError } from '../../platform/errors.js';

export const transferNotFound = (id: number) =>
  new AppError('TRANSFER_NOT_FOUND', `Transfer ${id} not found`);

export const transferOpen = (existingId: number) =>
  new AppError(
    'TRANSFER_OPEN',
    'This member already has a transfer in progress',
    [{ path: 'body.memberId', message: 'a transfer is already in progress', rule: 'transfer.one_open' }],
    { existingTransferId: existingId },
  );

export const destinationInvalid = (toOrgId: number, why: string) =>
  new AppError('TRANSFER_DESTINATION_INVALID', `Organization ${toOrgId} cannot receive this member: ${why}`, [
    { path: 'body.toOrgId', message: why, rule: 'transfer.destination' },
  ]);

export const destinationNotFound = (toOrgId: number) =>
  new AppError('ORG_NOT_FOUND', `Organization ${toOrgId} not found`, [
    { path: 'body.toOrgId', message: 'no such union' },
  ]);

export const memberNotActive = (memberId: number) =>
  new AppError('CONFLICT', `Member ${memberId} is not active; only an active membership is transferred`, [
    { path: 'body.memberId', message: 'is not an active member', rule: 'transfer.member_active' },
  ]);

/** The caller sees the transfer but it is the other union's turn (or not theirs to cancel). */
export const notYourTurn = (party: string) =>
  new AppError(
    'FORBIDDEN',
    `This step belongs to the ${party === 'starter' ? 'one who started the transfer' : `${party} union`}`,
  );
