import { render } from '@testing-library/react';
import type { ServiceRequestSummary } from '@unionhub/contracts';
import { describe, expect, test } from 'vitest';
import { DeadlineCell, dueOf } from './deadline-cell';

const base: ServiceRequestSummary = {
  id: 1,
  serviceId: 1,
  serviceName: '法律咨询预约',
  requestType: 'general',
  org: { id: 3, name: '金水区总工会' },
  state: 'submitted',
  memberName: '张三',
  submittedAt: '2024-05-06T01:00:00.000Z',
  acceptDueAt: '2024-05-08T01:00:00.000Z',
  completeDueAt: null,
  overdue: null,
  escalatedTo: null,
  assignee: null,
  rating: null,
  updatedAt: '2024-05-06T01:00:00.000Z',
};

describe('deadline display', () => {
  test('the deadline that matters follows the state', () => {
    expect(dueOf(base)).toBe(base.acceptDueAt);
    expect(dueOf({ ...base, state: 'in_progress', completeDueAt: '2024-05-20T01:00:00.000Z' })).toBe(
      '2024-05-20T01:00:00.000Z',
    );
    expect(dueOf({ ...base, state: 'completed' })).toBeNull();
  });

  test('days left while in time, a red tag with days over once late', () => {
    const inTime = render(<DeadlineCell request={base} now={new Date('2024-05-06T02:00:00.000Z')} />);
    expect(inTime.container.textContent).toContain('剩 2 天');
    expect(inTime.container.querySelector('.ant-tag')).toBeNull();
    inTime.unmount();

    const late = render(
      <DeadlineCell request={{ ...base, overdue: 'accept' }} now={new Date('2024-05-11T02:00:00.000Z')} />,
    );
    expect(late.container.querySelector('.ant-tag-red')?.textContent).toBe('逾期 4 天');
    late.unmount();

    const done = render(<DeadlineCell request={{ ...base, state: 'completed' }} />);
    expect(done.container.textContent).toBe('—');
  });
});
