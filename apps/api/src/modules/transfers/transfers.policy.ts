import type { TransferAction, TransferStatus } from '@unionhub/contracts';
import { allowedTransferActions, type TransferParty, transferTransitions } from './transfers.workflow.js';

/** Which sides of a transfer a caller stands on. */
export interface TransferSides {
  origin: boolean;
  destination: boolean;
  starter: boolean;
}

export type CallerAction = Exclude<TransferAction, 'auto_accept'>;

export function mayAct(sides: TransferSides, party: TransferParty): boolean {
  return party !== 'system' && sides[party];
}

/** What this caller may do now; sent with the record so the apps do not re-derive the rules. */
export function callerActions(status: TransferStatus, sides: TransferSides): CallerAction[] {
  return allowedTransferActions(status).filter(
    (a): a is CallerAction => a !== 'auto_accept' && mayAct(sides, transferTransitions[status][a]!.by),
  );
}
