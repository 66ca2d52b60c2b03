import type { JoinApplicationAction, JoinApplicationStatus } from '@unionhub/contracts';

/** What each action does to an application: a decided application is final. */
export const joinTransitions: Record<
  JoinApplicationStatus,
  Partial<Record<JoinApplicationAction, JoinApplicationStatus>>
> = {
  pending: { accept: 'accepted', reject: 'rejected' },
  accepted: {},
  rejected: {},
};

export function nextJoinStatus(
  from: JoinApplicationStatus,
  action: JoinApplicationAction,
): JoinApplicationStatus | null {
  return joinTransitions[from][action] ?? null;
}

export function allowedJoinActions(status: JoinApplicationStatus): JoinApplicationAction[] {
  return Object.keys(joinTransitions[status]) as JoinApplicationAction[];
}
