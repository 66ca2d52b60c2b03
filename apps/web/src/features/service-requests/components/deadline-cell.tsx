import type { ServiceRequestSummary } from '@unionhub/contracts';
import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { deadlineInfo } from '../../service-hall/form-values';

/** The deadline that matters now (accept while submitted, then complete) with days left or over. */
export function dueOf(
  request: Pick<ServiceRequestSummary, 'state' | 'acceptDueAt' | 'completeDueAt'>,
): string | null {
  if (request.state === 'submitted') return request.acceptDueAt;
  if (request.state === 'accepted' || request.state === 'in_progress') return request.completeDueAt;
  return null;
}

export function DeadlineCell({ request, now }: { request: ServiceRequestSummary; now?: Date }) {
  const { t } = useTranslation();
  const due = dueOf(request);
  const info = deadlineInfo(due, now);
  if (!due || !info) return <Typography.Text type="secondary">{t('common.empty')}</Typography.Text>;
  return (
    <Space size={4} wrap>
      <span>{new Date(due).toLocaleDateString('zh-CN')}</span>
      {request.overdue || info.overdue ? (
        <Tag color="red">{t('requests.daysOver', { days: info.days })}</Tag>
      ) : (
        <Typography.Text type={info.days <= 1 ? 'warning' : 'secondary'}>
          {t('requests.daysLeft', { days: info.days })}
        </Typography.Text>
      )}
    </Space>
  );
}
