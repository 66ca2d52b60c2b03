import { PlusOutlined } from '@ant-design/icons';
import type { Job } from '@unionhub/contracts';
import { App, Button, Card, Popconfirm, Space, Table, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { describeError } from '../../../lib/errors';
import { useMe } from '../../../lib/session';
import { actOnMyJob, getMyEnterprise, listMyJobs } from '../api';
import { JobFormModal } from '../components/job-form-modal';
import { JobStatusTag, salaryText } from '../components/status-tag';

/** 招聘管理: an enterprise recruiter's jobs — post, edit, submit for review, close, see applicants. */
export function MyJobsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const [enterprise, setEnterprise] = useState<string | null>(null);
  const [data, setData] = useState<{ items: Job[]; total: number } | null>(null);
  const [page, setPage] = useState(1);
  const [error, setError] = useState<unknown>(null);
  const [editing, setEditing] = useState<Job | 'new' | null>(null);

  const load = useCallback(() => {
    listMyJobs({ page, pageSize: 20 }).then(setData, setError);
  }, [page]);
  useEffect(load, [load]);
  useEffect(() => {
    getMyEnterprise().then((e) => setEnterprise(e.name), setError);
  }, []);

  const act = async (job: Job, action: 'submit' | 'close') => {
    try {
      await actOnMyJob(job.id, action);
      void message.success(action === 'submit' ? t('jobs.submitted') : t('jobs.closed'));
      load();
    } catch (err) {
      void message.error(describeError(err, t).message);
    }
  };

  // Jobs are posted within the area of the union that owns the enterprise (its city at least).
  const area = me.org?.regionCode ?? '410000';
  const regionRoot = area.endsWith('0000') ? area : `${area.slice(0, 4)}00`;

  return (
    <Space orientation="vertical" size="large" className="uh-page">
      <Card
        title={enterprise ? t('jobs.myJobsOf', { name: enterprise }) : t('jobs.myJobs')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('jobs.newJob')}
          </Button>
        }
      >
        {error ? <ErrorAlert error={error} /> : null}
        <Table<Job>
          rowKey="id"
          loading={!data && !error}
          dataSource={data?.items ?? []}
          pagination={{ current: page, total: data?.total ?? 0, pageSize: 20, onChange: setPage }}
          columns={[
            {
              title: t('jobs.title'),
              dataIndex: 'title',
              render: (title: string, job) => (
                <Space orientation="vertical" size={0}>
                  <Link to={`/admin/my-jobs/${job.id}`}>{title}</Link>
                  {job.status === 'rejected' && job.rejectReason ? (
                    <Typography.Text type="danger">
                      {t('jobs.rejectReasonLabel', { reason: job.rejectReason })}
                    </Typography.Text>
                  ) : null}
                </Space>
              ),
            },
            {
              title: t('jobs.category'),
              dataIndex: 'category',
              render: (c: string) => t(`jobs.categories.${c}`),
            },
            { title: t('jobs.salary'), key: 'salary', render: (_, job) => salaryText(job) },
            { title: t('jobs.region'), dataIndex: 'regionName' },
            { title: t('jobs.headcount'), dataIndex: 'headcount', width: 90 },
            { title: t('jobs.validUntil'), dataIndex: 'validUntil', width: 120 },
            {
              title: t('jobs.status'),
              dataIndex: 'status',
              render: (s: Job['status']) => <JobStatusTag status={s} />,
            },
            {
              title: t('jobs.applications'),
              dataIndex: 'applications',
              width: 90,
              render: (n: number, job) => <Link to={`/admin/my-jobs/${job.id}`}>{n}</Link>,
            },
            {
              title: t('jobs.actions'),
              key: 'actions',
              render: (_, job) => (
                <Space>
                  {job.allowedActions.includes('edit') && (
                    <Button size="small" onClick={() => setEditing(job)}>
                      {t('jobs.edit')}
                    </Button>
                  )}
                  {job.allowedActions.includes('submit') && (
                    <Button size="small" type="primary" onClick={() => void act(job, 'submit')}>
                      {t('jobs.submit')}
                    </Button>
                  )}
                  {job.allowedActions.includes('close') && (
                    <Popconfirm title={t('jobs.closeConfirm')} onConfirm={() => act(job, 'close')}>
                      <Button size="small" danger>
                        {t('jobs.close')}
                      </Button>
                    </Popconfirm>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <JobFormModal
        open={editing !== null}
        job={editing === 'new' ? null : editing}
        regionRoot={regionRoot}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          void message.success(t('jobs.saved'));
          load();
        }}
      />
    </Space>
  );
}
