import type { TransferAction, TransferStatus } from '@unionhub/contracts';
import { AppError } from '../../platform/errors.js';

/** Who may take an action: the origin union's staff, the destination's, whoever started it, or the job. */
export type TransferParty = 'origin' | 'destination' | 'starter' | 'system';

export interface TransferTransition {
  to: TransferStatus;
  by: TransferParty;
}

/**
 * The transfer workflow. The origin approves first, then the destination; either may reject
 * (with a reason); the starter may cancel while it is pending; thirty days without a rejection
 * complete it. Completed, rejected and cancelled are final.
 */
export const transferTransitions: Record<
  TransferStatus,
  Partial<Record<TransferAction, TransferTransition>>
> = {
  pending_origin: {
    approve: { to: 'pending_destination', by: 'origin' },
    reject: { to: 'rejected', by: 'origin' },
    cancel: { to: 'cancelled', by: 'starter' },
    auto_accept: { to: 'completed', by: 'system' },
  },
  pending_destination: {
    approve: { to: 'completed', by: 'destination' },
    reject: { to: 'rejected', by: 'destination' },
    cancel: { to: 'cancelled', by: 'starter' },
    auto_accept: { to: 'completed', by: 'system' },
  },
  completed: {},
  rejected: {},
  cancelled: {},
};

export const openTransferStatuses = ['pending_origin', 'pending_destination'] as const;

export function allowedTransferActions(status: TransferStatus): TransferAction[] {
  return Object.keys(transferTransitions[status]) as TransferAction[];
}

/** The transition an action makes, or the 409 listing what the state allows. */
export function assertTransition(status: TransferStatus, action: TransferAction): TransferTransition {
  const transition = transferTransitions[status][action];
  if (!transition)
    throw new AppError(
      'TRANSFER_BAD_TRANSITION',
      `A transfer that is ${status} cannot take the action ${action}`,
      [{ path: 'status', message: `${action} is not allowed when ${status}`, rule: 'transfer.transition' }],
      { status, action, allowed: allowedTransferActions(status) },
    );
  return transition;
}
