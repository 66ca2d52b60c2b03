import type { Job, JobStatus } from '@unionhub/contracts';
import { App, Button, Card, Descriptions, Drawer, Input, Modal, Space, Table, Tabs, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { describeError } from '../../../lib/errors';
import { formatDateTime, useLanguage } from '../../../lib/i18n';
import { useMe } from '../../../lib/session';
import { listJobs, reviewJob } from '../api';
import { JobStatusTag, salaryText } from '../components/status-tag';

type Tab = 'submitted' | 'published' | 'rejected' | 'all';

/** 岗位审核: the jobs of enterprises in the union's subtree, reviewed before workers see them. */
export function JobReviewPage() {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const { message } = App.useApp();
  const me = useMe();
  const canManage = me.permissions.includes('jobs.manage');
  const [tab, setTab] = useState<Tab>('submitted');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [data, setData] = useState<{ items: Job[]; total: number } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [open, setOpen] = useState<Job | null>(null);
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const focus = Number(useParams().id) || null;

  const load = useCallback(() => {
    setError(null);
    listJobs({
      page,
      pageSize: 20,
      ...(tab === 'all' ? {} : { status: tab as JobStatus }),
      ...(q.trim() ? { q: q.trim() } : {}),
    }).then(setData, setError);
  }, [tab, q, page]);
  useEffect(load, [load]);
  useEffect(() => {
    if (focus && data) setOpen(data.items.find((j) => j.id === focus) ?? null);
  }, [focus, data]);

  const act = async (job: Job, action: 'approve' | 'reject' | 'close', why?: string) => {
    try {
      const next = await reviewJob(job.id, action, why);
      setOpen(next);
      setRejecting(false);
      setReason('');
      void message.success(
        action === 'approve'
          ? t('jobs.approved')
          : action === 'reject'
            ? t('jobs.rejected')
            : t('jobs.takenDown'),
      );
      load();
    } catch (err) {
      void message.error(describeError(err, t).message);
    }
  };

  return (
    <Space orientation="vertical" size="large" className="uh-page">
      <Card title={t('jobs.review')}>
        <Tabs
          activeKey={tab}
          onChange={(k) => {
            setTab(k as Tab);
            setPage(1);
          }}
          items={(['submitted', 'published', 'rejected', 'all'] as const).map((k) => ({
            key: k,
            label: t(`jobs.reviewTabs.${k}`),
          }))}
        />
        <Input.Search
          allowClear
          placeholder={t('jobs.searchPlaceholder')}
          enterButton={t('jobs.search')}
          onSearch={(v) => {
            setQ(v);
            setPage(1);
          }}
          style={{ maxWidth: 420, marginBottom: 16 }}
        />
        {error ? <ErrorAlert error={error} /> : null}
        <Table<Job>
          rowKey="id"
          loading={!data && !error}
          dataSource={data?.items ?? []}
          onRow={(job) => ({ onClick: () => setOpen(job), style: { cursor: 'pointer' } })}
          pagination={{
            current: page,
            total: data?.total ?? 0,
            pageSize: 20,
            onChange: setPage,
            showTotal: (total) => t('jobs.total', { total }),
          }}
          columns={[
            {
              title: t('jobs.title'),
              dataIndex: 'title',
              render: (v: string) => <Typography.Link>{v}</Typography.Link>,
            },
            { title: t('jobs.enterprise'), dataIndex: 'enterpriseName' },
            {
              title: t('jobs.category'),
              dataIndex: 'category',
              render: (c: string) => t(`jobs.categories.${c}`),
            },
            { title: t('jobs.salary'), key: 'salary', render: (_, job) => salaryText(job) },
            { title: t('jobs.region'), dataIndex: 'regionName' },
            { title: t('jobs.union'), dataIndex: 'orgName' },
            {
              title: t('jobs.status'),
              dataIndex: 'status',
              render: (s: Job['status']) => <JobStatusTag status={s} />,
            },
            {
              title: t('requests.submittedAt'),
              dataIndex: 'submittedAt',
              render: (v: string | null) => formatDateTime(v, language) ?? '—',
            },
          ]}
        />
      </Card>
      <Drawer open={open !== null} onClose={() => setOpen(null)} size={560} title={open?.title}>
        {open && (
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <JobStatusTag status={open.status} />
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label={t('jobs.enterprise')}>{open.enterpriseName}</Descriptions.Item>
              <Descriptions.Item label={t('jobs.category')}>
                {t(`jobs.categories.${open.category}`)}
              </Descriptions.Item>
              <Descriptions.Item label={t('jobs.salary')}>{salaryText(open)}</Descriptions.Item>
              <Descriptions.Item label={t('jobs.region')}>{open.regionName}</Descriptions.Item>
              <Descriptions.Item label={t('jobs.headcount')}>{open.headcount}</Descriptions.Item>
              <Descriptions.Item label={t('jobs.validUntil')}>{open.validUntil}</Descriptions.Item>
              <Descriptions.Item label={t('jobs.requirements')}>{open.requirements || '—'}</Descriptions.Item>
              <Descriptions.Item label={t('jobs.description')}>
                <Typography.Paragraph className="uh-pre">{open.description || '—'}</Typography.Paragraph>
              </Descriptions.Item>
              <Descriptions.Item label={t('jobs.applications')}>{open.applications}</Descriptions.Item>
            </Descriptions>
            {open.rejectReason ? (
              <Typography.Text type="danger">
                {t('jobs.rejectReasonLabel', { reason: open.rejectReason })}
              </Typography.Text>
            ) : null}
            {canManage && (
              <Space>
                {open.allowedActions.includes('approve') && (
                  <Button type="primary" onClick={() => void act(open, 'approve')}>
                    {t('jobs.approve')}
                  </Button>
                )}
                {open.allowedActions.includes('reject') && (
                  <Button danger onClick={() => setRejecting(true)}>
                    {t('jobs.reject')}
                  </Button>
                )}
                {open.allowedActions.includes('close') && (
                  <Button danger onClick={() => void act(open, 'close')}>
                    {t('jobs.takeDown')}
                  </Button>
                )}
              </Space>
            )}
          </Space>
        )}
      </Drawer>
      <Modal
        open={rejecting}
        title={t('jobs.rejectTitle')}
        onCancel={() => setRejecting(false)}
        okButtonProps={{ danger: true, disabled: !reason.trim() }}
        okText={t('jobs.reject')}
        onOk={() => open && act(open, 'reject', reason.trim())}
      >
        <Input.TextArea
          rows={3}
          maxLength={500}
          value={reason}
          aria-label={t('jobs.rejectReason')}
          placeholder={t('jobs.rejectReasonPlaceholder')}
          onChange={(e) => setReason(e.target.value)}
        />
      </Modal>
    </Space>
  );
}
