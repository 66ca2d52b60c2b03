import { HeartOutlined } from '@ant-design/icons';
import type { AssistanceKind, AssistanceState, AssistanceSummary } from '@unionhub/contracts';
import { AssistanceKinds, AssistanceStates } from '@unionhub/contracts';
import { Button, Card, Form, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { listApplications, yuan } from '../api';
import { StateTag, TierTag } from '../components/tags';

type Queue = 'mine' | 'subtree';

/** 帮扶申请: what waits for my union's review (by deadline), or every application in the subtree. */
export function ApplicationsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const queue = (params.get('queue') as Queue | null) ?? 'mine';
  const [filters, setFilters] = useState<{ kind?: AssistanceKind; state?: AssistanceState }>({});
  const [page, setPage] = useState(1);
  const [data, setData] = useState<{ items: AssistanceSummary[]; total: number } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    setLoading(true);
    setError(null);
    listApplications({ queue, ...filters, page, pageSize: 20 })
      .then(setData, setError)
      .finally(() => setLoading(false));
  }, [queue, filters, page]);

  return (
    <div className="uh-page">
      <Typography.Title level={4} className="uh-page-title">
        <HeartOutlined /> {t('assistance.menu.applications')}
      </Typography.Title>
      <Card>
        <Tabs
          activeKey={queue}
          onChange={(key) => {
            setParams({ queue: key });
            setPage(1);
          }}
          items={(['mine', 'subtree'] as const).map((k) => ({ key: k, label: t(`assistance.queue.${k}`) }))}
        />
        <Form
          layout="inline"
          className="uh-filters"
          onFinish={(v) => {
            setFilters(v);
            setPage(1);
          }}
        >
          <Form.Item name="kind">
            <Select
              allowClear
              placeholder={t('assistance.allKinds')}
              style={{ width: 140 }}
              options={AssistanceKinds.map((k) => ({ value: k, label: t(`assistance.kinds.${k}`) }))}
            />
          </Form.Item>
          {queue === 'subtree' ? (
            <Form.Item name="state">
              <Select
                allowClear
                placeholder={t('assistance.allStates')}
                style={{ width: 140 }}
                options={AssistanceStates.map((s) => ({ value: s, label: t(`assistance.states.${s}`) }))}
              />
            </Form.Item>
          ) : null}
          <Form.Item>
            <Button type="primary" htmlType="submit">
              {t('assistance.search')}
            </Button>
          </Form.Item>
        </Form>
        <div className="uh-table-toolbar">
          <Typography.Text type="secondary">
            {t('assistance.total', { total: data?.total ?? 0 })}
          </Typography.Text>
        </div>
        {error ? <ErrorAlert error={error} className="uh-block-alert" /> : null}
        <Table<AssistanceSummary>
          rowKey="id"
          loading={loading}
          dataSource={data?.items ?? []}
          scroll={{ x: 1300 }}
          pagination={{
            current: page,
            pageSize: 20,
            total: data?.total ?? 0,
            showSizeChanger: false,
            onChange: setPage,
          }}
          columns={[
            {
              title: t('assistance.no'),
              dataIndex: 'id',
              width: 70,
              render: (id: number) => <Link to={`/admin/assistance/applications/${id}`}>{id}</Link>,
            },
            { title: t('assistance.applicant'), dataIndex: 'memberName', width: 100 },
            { title: t('assistance.union'), dataIndex: 'memberOrgName', width: 220, ellipsis: true },
            {
              title: t('assistance.kind'),
              dataIndex: 'kind',
              width: 100,
              render: (k: AssistanceKind) => t(`assistance.kinds.${k}`),
            },
            {
              title: t('assistance.tier'),
              dataIndex: 'tier',
              width: 120,
              render: (tier: AssistanceSummary['tier']) => <TierTag tier={tier} />,
            },
            {
              title: t('assistance.amountRequested'),
              dataIndex: 'amountRequestedFen',
              width: 110,
              align: 'right',
              render: (v: number) => yuan(v),
            },
            {
              title: t('assistance.amountApproved'),
              dataIndex: 'amountApprovedFen',
              width: 110,
              align: 'right',
              render: (v: number | null) => yuan(v),
            },
            {
              title: t('assistance.state'),
              dataIndex: 'state',
              width: 190,
              render: (s: AssistanceState, r) => (
                <Space size={4} wrap>
                  <StateTag state={s} />
                  {r.currentLevel && s === 'reviewing' ? (
                    <Tag>{t(`assistance.levels.${r.currentLevel}`)}</Tag>
                  ) : null}
                </Space>
              ),
            },
            {
              title: t('assistance.deadline'),
              dataIndex: 'dueAt',
              width: 120,
              render: (d: string | null, r) =>
                d ? (
                  <Typography.Text type={r.overdue ? 'danger' : undefined}>
                    {new Date(d).toLocaleDateString('zh-CN')}
                    {r.overdue ? ` ${t('assistance.overdue')}` : ''}
                  </Typography.Text>
                ) : (
                  '—'
                ),
            },
            {
              key: 'open',
              width: 70,
              render: (_: unknown, r) => (
                <Link to={`/admin/assistance/applications/${r.id}`}>
                  {queue === 'mine' ? t('assistance.open') : t('assistance.view')}
                </Link>
              ),
            },
          ]}
        />
      </Card>
    </div>
  );
}
