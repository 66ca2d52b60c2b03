import type { RequestState } from '@unionhub/contracts';

export const REQUEST_STEPS = ['submit', 'accept', 'handle', 'complete'] as const;

/** Where a request stands on the four steps a member sees, and whether it stopped there. */
export function currentStep(state: RequestState): {
  index: number;
  status: 'process' | 'finish' | 'error' | 'wait';
} {
  switch (state) {
    case 'submitted':
      return { index: 1, status: 'process' };
    case 'returned':
      return { index: 0, status: 'error' };
    case 'accepted':
      return { index: 2, status: 'wait' };
    case 'in_progress':
      return { index: 2, status: 'process' };
    case 'completed':
      return { index: 3, status: 'finish' };
    case 'rejected':
      return { index: 1, status: 'error' };
    case 'withdrawn':
      return { index: 0, status: 'error' };
  }
}

/** The colour of a state's tag, shared by the member app and the admin console. */
export const STATE_COLORS: Record<RequestState, string> = {
  submitted: 'primary',
  accepted: 'primary',
  in_progress: 'warning',
  returned: 'danger',
  completed: 'success',
  rejected: 'default',
  withdrawn: 'default',
};
