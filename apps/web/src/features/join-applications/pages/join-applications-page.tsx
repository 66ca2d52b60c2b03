import { SolutionOutlined } from '@ant-design/icons';
import type { JoinApplicationItem, JoinApplicationStatus } from '@unionhub/contracts';
import { Card, Input, Table, Tabs, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { formatDateTime, useLanguage } from '../../../lib/i18n';
import { listApplications } from '../api';
import { ApplicationDrawer } from '../components/application-drawer';
import { applicationStatusColors, DeadlineCell } from '../components/deadline-cell';

type Tab = JoinApplicationStatus | 'all';

/** 入会申请: the queue of the caller's unions, pending first, with the contact deadline flagged. */
export function JoinApplicationsPage() {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const [tab, setTab] = useState<Tab>('pending');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [data, setData] = useState<{ items: JoinApplicationItem[]; total: number } | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [open, setOpen] = useState<JoinApplicationItem | null>(null);

  const load = useCallback(() => {
    setLoading(true);
    setError(null);
    listApplications({
      ...(tab === 'all' ? {} : { status: tab }),
      ...(q.trim() ? { q: q.trim() } : {}),
      page,
      pageSize,
    })
      .then(setData, setError)
      .finally(() => setLoading(false));
  }, [tab, q, page, pageSize]);
  useEffect(load, [load]);

  return (
    <div className="uh-page">
      <Typography.Title level={4} className="uh-page-title">
        <SolutionOutlined /> {t('joinApplications.title')}
      </Typography.Title>
      <Card>
        <Typography.Paragraph type="secondary">{t('joinApplications.intro')}</Typography.Paragraph>
        <div className="uh-table-toolbar">
          <Tabs
            activeKey={tab}
            onChange={(key) => {
              setTab(key as Tab);
              setPage(1);
            }}
            items={(['pending', 'accepted', 'rejected', 'all'] as const).map((key) => ({
              key,
              label: t(`joinApplications.tabs.${key}`),
            }))}
          />
          <Input.Search
            allowClear
            placeholder={t('joinApplications.search')}
            style={{ width: 240 }}
            onSearch={(value) => {
              setQ(value);
              setPage(1);
            }}
          />
        </div>
        {error ? <ErrorAlert error={error} className="uh-block-alert" /> : null}
        <Table<JoinApplicationItem>
          rowKey="id"
          size="middle"
          loading={loading}
          dataSource={data?.items ?? []}
          scroll={{ x: 1400 }}
          locale={{ emptyText: t('joinApplications.empty') }}
          onRow={(a) => ({ onClick: () => setOpen(a), className: 'uh-clickable-row' })}
          rowClassName={(a) => (a.overdue ? 'uh-row-overdue' : '')}
          pagination={{
            current: page,
            pageSize,
            total: data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => t('joinApplications.total', { total }),
            onChange: (p, s) => {
              setPage(s === pageSize ? p : 1);
              setPageSize(s);
            },
          }}
          columns={[
            {
              title: t('joinApplications.name'),
              dataIndex: 'name',
              fixed: 'left',
              width: 100,
              render: (name: string) => <Typography.Link>{name}</Typography.Link>,
            },
            { title: t('joinApplications.idNumber'), dataIndex: 'idNumberMasked', width: 190 },
            { title: t('joinApplications.phone'), dataIndex: 'phoneMasked', width: 120 },
            {
              title: t('joinApplications.employer'),
              dataIndex: 'employerName',
              width: 220,
              ellipsis: true,
              render: (v: string | null) => v ?? t('common.empty'),
            },
            { title: t('joinApplications.org'), dataIndex: 'orgName', width: 260, ellipsis: true },
            {
              title: t('joinApplications.createdAt'),
              dataIndex: 'createdAt',
              width: 170,
              render: (v: string) => formatDateTime(v, language),
            },
            {
              title: t('joinApplications.deadline'),
              key: 'deadline',
              width: 200,
              render: (_: unknown, a) => <DeadlineCell application={a} />,
            },
            {
              title: t('joinApplications.status'),
              dataIndex: 'status',
              width: 90,
              render: (s: JoinApplicationStatus) => (
                <Tag color={applicationStatusColors[s]}>{t(`joinApplications.statuses.${s}`)}</Tag>
              ),
            },
            {
              title: '',
              key: 'action',
              width: 70,
              fixed: 'right',
              render: (_: unknown, a) => (
                <Typography.Link>
                  {a.allowedActions.length > 0 ? t('joinApplications.open') : t('joinApplications.view')}
                </Typography.Link>
              ),
            },
          ]}
        />
      </Card>
      <ApplicationDrawer application={open} onClose={() => setOpen(null)} onDecided={load} />
    </div>
  );
}
