import type { JoinApplication } from '@unionhub/contracts';
import { daysUntil } from '../../lib/dates';

export type DeadlineState =
  | { kind: 'decided' }
  | { kind: 'left'; days: number }
  | { kind: 'today' }
  | { kind: 'over'; days: number };

/** How a pending application stands against the promised contact date, for the queue's flag. */
export function deadlineState(
  application: Pick<JoinApplication, 'status' | 'contactDeadline'>,
  today: string,
): DeadlineState {
  if (application.status !== 'pending') return { kind: 'decided' };
  const days = daysUntil(application.contactDeadline, today);
  if (days > 0) return { kind: 'left', days };
  if (days === 0) return { kind: 'today' };
  return { kind: 'over', days: -days };
}
