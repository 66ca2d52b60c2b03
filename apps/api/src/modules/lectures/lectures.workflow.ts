import type { LectureAction, LectureStatus } from '@unionhub/contracts';
import { AppError } from '../../platform/errors.js';

/** What staff may do with a lecture in each status; `cancelled` and `finished` are final. */
export const lectureTransitions: Record<LectureStatus, Partial<Record<LectureAction, LectureStatus>>> = {
  draft: { edit: 'draft', publish: 'published', cancel: 'cancelled' },
  published: { edit: 'published', cancel: 'cancelled', finish: 'finished' },
  cancelled: {},
  finished: {},
};

export function allowedLectureActions(status: LectureStatus): LectureAction[] {
  return Object.keys(lectureTransitions[status]) as LectureAction[];
}

/** The status after the action, or 409 naming the actions the status allows. */
export function assertLectureTransition(status: LectureStatus, action: LectureAction): LectureStatus {
  const to = lectureTransitions[status][action];
  if (!to)
    throw new AppError('LECTURE_BAD_TRANSITION', `A ${status} lecture cannot ${action}`, [], {
      status,
      allowed: allowedLectureActions(status),
    });
  return to;
}
