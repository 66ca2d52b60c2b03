import { LectureActions, LectureStatuses } from '@unionhub/contracts';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.js';
import { allowedLectureActions, assertLectureTransition } from './lectures.workflow.js';

const expected: Record<string, Record<string, string | null>> = {
  draft: { edit: 'draft', publish: 'published', cancel: 'cancelled', finish: null },
  published: { edit: 'published', publish: null, cancel: 'cancelled', finish: 'finished' },
  cancelled: { edit: null, publish: null, cancel: null, finish: null },
  finished: { edit: null, publish: null, cancel: null, finish: null },
};

describe('lecture workflow', () => {
  for (const status of LectureStatuses)
    for (const action of LectureActions)
      it(`${status} × ${action} → ${expected[status]![action] ?? '409'}`, () => {
        const to = expected[status]![action];
        if (to) expect(assertLectureTransition(status, action)).toBe(to);
        else {
          try {
            assertLectureTransition(status, action);
            expect.unreachable();
          } catch (err) {
            expect(err).toBeInstanceOf(AppError);
            expect((err as AppError).code).toBe('LECTURE_BAD_TRANSITION');
            expect((err as AppError).meta).toEqual({ status, allowed: allowedLectureActions(status) });
          }
        }
      });
});
