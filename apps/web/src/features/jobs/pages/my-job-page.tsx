import { ArrowLeftOutlined, PhoneOutlined } from '@ant-design/icons';
import type { ApplicationAction, Job, JobApplication } from '@unionhub/contracts';
import { App, Button, Card, Descriptions, Empty, Popconfirm, Space, Table, Tooltip, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { describeError } from '../../../lib/errors';
import { formatDateTime, useLanguage } from '../../../lib/i18n';
import { getApplicant, getMyJob, listApplicants, moveApplicant } from '../api';
import { JobStatusTag, StageTag, salaryText } from '../components/status-tag';

const TARGET: Record<ApplicationAction, string> = {
  view: 'viewed',
  interview: 'interview',
  hire: 'hired',
  reject: 'rejected',
};

/** One of the enterprise's jobs with its applicants, moved stage by stage. */
export function MyJobPage() {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const { message } = App.useApp();
  const id = Number(useParams().id);
  const [job, setJob] = useState<Job | null>(null);
  const [applicants, setApplicants] = useState<JobApplication[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(() => {
    getMyJob(id).then(setJob, setError);
    listApplicants(id).then((r) => setApplicants(r.items), setError);
  }, [id]);
  useEffect(load, [load]);

  const replace = (a: JobApplication) =>
    setApplicants((list) => list?.map((x) => (x.id === a.id ? a : x)) ?? null);

  const move = async (a: JobApplication, action: ApplicationAction) => {
    try {
      replace(await moveApplicant(a.id, action));
      void message.success(t(`jobs.stages.${TARGET[action]}`));
    } catch (err) {
      void message.error(describeError(err, t).message);
    }
  };

  const showPhone = async (a: JobApplication) => {
    try {
      replace(await getApplicant(a.id));
    } catch (err) {
      void message.error(describeError(err, t).message);
    }
  };

  return (
    <Space orientation="vertical" size="large" className="uh-page">
      <Link to="/admin/my-jobs">
        <ArrowLeftOutlined /> {t('jobs.back')}
      </Link>
      {error ? <ErrorAlert error={error} /> : null}
      {job && (
        <Card title={job.title} extra={<JobStatusTag status={job.status} />}>
          <Descriptions column={{ xs: 1, md: 3 }} size="small">
            <Descriptions.Item label={t('jobs.category')}>
              {t(`jobs.categories.${job.category}`)}
            </Descriptions.Item>
            <Descriptions.Item label={t('jobs.salary')}>{salaryText(job)}</Descriptions.Item>
            <Descriptions.Item label={t('jobs.region')}>{job.regionName}</Descriptions.Item>
            <Descriptions.Item label={t('jobs.headcount')}>{job.headcount}</Descriptions.Item>
            <Descriptions.Item label={t('jobs.validUntil')}>{job.validUntil}</Descriptions.Item>
            <Descriptions.Item label={t('jobs.union')}>{job.orgName}</Descriptions.Item>
            <Descriptions.Item label={t('jobs.requirements')} span={3}>
              {job.requirements || '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('jobs.description')} span={3}>
              <Typography.Paragraph className="uh-pre">{job.description || '—'}</Typography.Paragraph>
            </Descriptions.Item>
          </Descriptions>
        </Card>
      )}
      <Card title={`${t('jobs.applicants')}（${applicants?.length ?? 0}）`}>
        {applicants?.length === 0 ? (
          <Empty description={t('jobs.noApplicants')} />
        ) : (
          <Table<JobApplication>
            rowKey="id"
            loading={!applicants && !error}
            dataSource={applicants ?? []}
            pagination={false}
            columns={[
              { title: t('jobs.name'), dataIndex: 'name', width: 100 },
              {
                title: t('jobs.phone'),
                key: 'phone',
                width: 170,
                render: (_, a) =>
                  a.phoneFull ? (
                    <a href={`tel:${a.phone}`}>{a.phone}</a>
                  ) : a.stage === 'interview' || a.stage === 'hired' ? (
                    <Button size="small" icon={<PhoneOutlined />} onClick={() => void showPhone(a)}>
                      {a.phone}
                    </Button>
                  ) : (
                    <Tooltip title={t('jobs.phoneHint')}>{a.phone}</Tooltip>
                  ),
              },
              { title: t('jobs.skills'), dataIndex: 'skills' },
              { title: t('jobs.experience'), dataIndex: 'experience' },
              {
                title: t('jobs.expectedSalary'),
                dataIndex: 'expectedSalary',
                width: 100,
                render: (v: number | null) => (v === null ? '—' : v.toLocaleString('zh-CN')),
              },
              {
                title: t('jobs.appliedAt'),
                dataIndex: 'createdAt',
                width: 150,
                render: (v: string) => formatDateTime(v, language),
              },
              {
                title: t('jobs.stage'),
                dataIndex: 'stage',
                width: 100,
                render: (s) => <StageTag stage={s} />,
              },
              {
                title: t('jobs.actions'),
                key: 'actions',
                render: (_, a) => (
                  <Space wrap>
                    {a.allowedActions.map((action) => (
                      <Popconfirm
                        key={action}
                        title={t('jobs.stageConfirm', {
                          name: a.name,
                          stage: t(`jobs.stages.${TARGET[action]}`),
                        })}
                        onConfirm={() => move(a, action)}
                      >
                        <Button
                          size="small"
                          type={action === 'hire' ? 'primary' : 'default'}
                          danger={action === 'reject'}
                        >
                          {t(`jobs.stageActions.${action}`)}
                        </Button>
                      </Popconfirm>
                    ))}
                  </Space>
                ),
              },
            ]}
          />
        )}
      </Card>
    </Space>
  );
}
