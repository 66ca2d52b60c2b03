import { describe, expect, test } from 'vitest';
import { transferFlowZh, transferStepKey } from './transfer-flow';

describe('transferStepKey', () => {
  test('names each step by who took it and at which stage', () => {
    const cases: [Parameters<typeof transferStepKey>[0], string][] = [
      [{ action: 'start', fromStatus: null, actorType: 'member' }, 'startByMember'],
      [{ action: 'start', fromStatus: null, actorType: 'staff' }, 'startByStaff'],
      [{ action: 'approve', fromStatus: 'pending_origin', actorType: 'staff' }, 'approveOrigin'],
      [{ action: 'approve', fromStatus: 'pending_destination', actorType: 'staff' }, 'approveDestination'],
      [{ action: 'reject', fromStatus: 'pending_origin', actorType: 'staff' }, 'rejectOrigin'],
      [{ action: 'reject', fromStatus: 'pending_destination', actorType: 'staff' }, 'rejectDestination'],
      [{ action: 'cancel', fromStatus: 'pending_origin', actorType: 'member' }, 'cancelByMember'],
      [{ action: 'cancel', fromStatus: 'pending_origin', actorType: 'staff' }, 'cancelByStaff'],
      [{ action: 'auto_accept', fromStatus: 'pending_destination', actorType: 'system' }, 'autoAccept'],
      [{ action: 'something_new', fromStatus: null, actorType: 'system' }, 'other'],
    ];
    for (const [step, key] of cases) {
      expect(transferStepKey(step)).toBe(key);
      expect(transferFlowZh.steps).toHaveProperty(key);
    }
  });
});
