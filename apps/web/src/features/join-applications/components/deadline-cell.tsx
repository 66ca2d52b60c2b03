import type { JoinApplication, JoinApplicationStatus } from '@unionhub/contracts';
import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { chinaToday } from '../../../lib/dates';
import { deadlineState } from '../deadline';

export const applicationStatusColors: Record<JoinApplicationStatus, string> = {
  pending: 'gold',
  accepted: 'green',
  rejected: 'default',
};

/** 联系期限 with its flag: days left, due today, or overdue in red. */
export function DeadlineCell({
  application,
}: {
  application: Pick<JoinApplication, 'status' | 'contactDeadline'>;
}) {
  const { t } = useTranslation();
  const state = deadlineState(application, chinaToday());
  return (
    <Space size={4} wrap>
      <span>{application.contactDeadline}</span>
      {state.kind === 'left' ? (
        <Tag color={state.days <= 3 ? 'orange' : 'blue'}>
          {t('joinApplications.daysLeft', { days: state.days })}
        </Tag>
      ) : state.kind === 'today' ? (
        <Tag color="orange">{t('joinApplications.dueToday')}</Tag>
      ) : state.kind === 'over' ? (
        <Tag color="red" data-testid="overdue">
          {t('joinApplications.daysOver', { days: state.days })}
        </Tag>
      ) : null}
    </Space>
  );
}
