import { TransferActions, type TransferStatus, TransferStatuses } from '@unionhub/contracts';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.js';
import { allowedTransferActions, assertTransition, transferTransitions } from './transfers.workflow.js';

/** The whole table written out by hand: state → action → [next state, who], or null when refused. */
const expected: Record<TransferStatus, Record<string, [TransferStatus, string] | null>> = {
  pending_origin: {
    approve: ['pending_destination', 'origin'],
    reject: ['rejected', 'origin'],
    cancel: ['cancelled', 'starter'],
    auto_accept: ['completed', 'system'],
  },
  pending_destination: {
    approve: ['completed', 'destination'],
    reject: ['rejected', 'destination'],
    cancel: ['cancelled', 'starter'],
    auto_accept: ['completed', 'system'],
  },
  completed: { approve: null, reject: null, cancel: null, auto_accept: null },
  rejected: { approve: null, reject: null, cancel: null, auto_accept: null },
  cancelled: { approve: null, reject: null, cancel: null, auto_accept: null },
};

describe('transfer workflow', () => {
  it('has a row for every status', () => {
    expect(Object.keys(transferTransitions).sort()).toEqual([...TransferStatuses].sort());
  });

  for (const status of TransferStatuses) {
    for (const action of TransferActions) {
      const want = expected[status][action];
      it(`${status} × ${action} → ${want ? want[0] : '409'}`, () => {
        if (want) {
          expect(assertTransition(status, action)).toEqual({ to: want[0], by: want[1] });
          return;
        }
        try {
          assertTransition(status, action);
          expect.unreachable();
        } catch (err) {
          expect(err).toBeInstanceOf(AppError);
          const appError = err as AppError;
          expect(appError.code).toBe('TRANSFER_BAD_TRANSITION');
          expect(appError.meta?.allowed).toEqual(allowedTransferActions(status));
        }
      });
    }
  }

  it('lists the allowed actions of each state', () => {
    expect(allowedTransferActions('pending_origin')).toEqual(['approve', 'reject', 'cancel', 'auto_accept']);
    expect(allowedTransferActions('completed')).toEqual([]);
  });
});
