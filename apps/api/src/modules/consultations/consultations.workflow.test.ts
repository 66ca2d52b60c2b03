import { ConsultationStates, LawyerConsultationActions } from '@unionhub/contracts';
import { describe, expect, it } from 'vitest';
import {
  afterFollowUp,
  allowedLawyerActions,
  lawyerTransitions,
  memberCan,
} from './consultations.workflow.js';

const expected: Record<string, Record<string, string | undefined>> = {
  waiting: { pick: undefined, answer: undefined, close: undefined },
  assigned: { pick: 'picked', answer: 'answered', close: undefined },
  picked: { pick: undefined, answer: 'answered', close: 'closed' },
  answered: { pick: undefined, answer: 'answered', close: 'closed' },
  closed: { pick: undefined, answer: undefined, close: undefined },
};

describe('consultation workflow', () => {
  for (const state of ConsultationStates)
    for (const action of LawyerConsultationActions)
      it(`${state} × ${action} → ${expected[state]![action] ?? 'refused'}`, () => {
        expect(lawyerTransitions[state][action]).toBe(expected[state]![action]);
        expect(allowedLawyerActions(state).includes(action)).toBe(expected[state]![action] !== undefined);
      });

  it('lets the member follow up while open and rate once after an answer', () => {
    for (const state of ConsultationStates) {
      expect(memberCan('follow_up', { state, rating: null })).toBe(state !== 'closed');
      expect(memberCan('rate', { state, rating: null })).toBe(state === 'answered' || state === 'closed');
      expect(memberCan('rate', { state, rating: 4 })).toBe(false);
    }
    expect(afterFollowUp('answered')).toBe('picked');
    expect(afterFollowUp('assigned')).toBe('assigned');
  });
});
