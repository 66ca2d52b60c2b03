import type { ConsultationState, LawyerConsultationAction } from '@unionhub/contracts';

/**
 * The consultation workflow as data. The lawyer picks a question up (认领), answers (as often as the
 * conversation needs) and closes it; answering an assigned question picks it up on the way. A
 * member's follow-up to an answer puts it back with the lawyer (answered → picked).
 */
export const lawyerTransitions: Record<
  ConsultationState,
  Partial<Record<LawyerConsultationAction, ConsultationState>>
> = {
  waiting: {},
  assigned: { pick: 'picked', answer: 'answered' },
  picked: { answer: 'answered', close: 'closed' },
  answered: { answer: 'answered', close: 'closed' },
  closed: {},
};

export type MemberConsultationAction = 'follow_up' | 'rate';

export function memberCan(
  action: MemberConsultationAction,
  row: { state: string; rating: number | null },
): boolean {
  if (action === 'follow_up') return row.state !== 'closed';
  return (row.state === 'answered' || row.state === 'closed') && row.rating === null;
}

/** The state after a member's follow-up: an answered question goes back to the lawyer. */
export const afterFollowUp = (state: ConsultationState): ConsultationState =>
  state === 'answered' ? 'picked' : state;

export function allowedLawyerActions(state: ConsultationState): LawyerConsultationAction[] {
  return Object.keys(lawyerTransitions[state]) as LawyerConsultationAction[];
}

export const OPEN_STATES: readonly ConsultationState[] = ['waiting', 'assigned', 'picked', 'answered'];
