import type { ApplicationStage, JobStatus } from '@unionhub/contracts';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const STATUS_COLORS: Record<JobStatus, string> = {
  draft: 'default',
  submitted: 'orange',
  published: 'green',
  rejected: 'red',
  closed: 'default',
  expired: 'default',
};

const STAGE_COLORS: Record<ApplicationStage, string> = {
  applied: 'blue',
  viewed: 'cyan',
  interview: 'orange',
  hired: 'green',
  rejected: 'default',
};

export function JobStatusTag({ status }: { status: JobStatus }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLORS[status]}>{t(`jobs.statuses.${status}`)}</Tag>;
}

export function StageTag({ stage }: { stage: ApplicationStage }) {
  const { t } = useTranslation();
  return <Tag color={STAGE_COLORS[stage]}>{t(`jobs.stages.${stage}`)}</Tag>;
}

export const salaryText = (job: { salaryMin: number; salaryMax: number }) =>
  `${job.salaryMin.toLocaleString('zh-CN')}–${job.salaryMax.toLocaleString('zh-CN')}`;
