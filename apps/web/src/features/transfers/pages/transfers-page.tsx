import { SwapOutlined } from '@ant-design/icons';
import type { Transfer } from '@unionhub/contracts';
import { Card, Table, Tabs, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { formatDateTime, useLanguage } from '../../../lib/i18n';
import { listAwaitingDecision, listTransfers } from '../api';
import { TransferDrawer, transferStatusColors } from '../components/transfer-drawer';

type Tab = 'awaiting' | 'outgoing' | 'all';

/** 会员转接: what waits for this union, what it started, everything it sees; each with its steps. */
export function TransfersPage() {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const [tab, setTab] = useState<Tab>('awaiting');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [data, setData] = useState<{ items: Transfer[]; total: number } | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [openId, setOpenId] = useState<number | null>(null);

  const load = useCallback(() => {
    setLoading(true);
    setError(null);
    const request =
      tab === 'awaiting'
        ? listAwaitingDecision().then((items) => ({ items, total: items.length }))
        : listTransfers({ ...(tab === 'outgoing' ? { direction: 'out' as const } : {}), page, pageSize });
    request.then(setData, setError).finally(() => setLoading(false));
  }, [tab, page, pageSize]);
  useEffect(load, [load]);

  const date = (v: string) => formatDateTime(v, language);
  const paged = tab !== 'awaiting';

  return (
    <div className="uh-page">
      <Typography.Title level={4} className="uh-page-title">
        <SwapOutlined /> {t('transfers.title')}
      </Typography.Title>
      <Card>
        <Typography.Paragraph type="secondary">{t('transfers.intro')}</Typography.Paragraph>
        <Tabs
          activeKey={tab}
          onChange={(key) => {
            setTab(key as Tab);
            setPage(1);
          }}
          items={(['awaiting', 'outgoing', 'all'] as const).map((key) => ({
            key,
            label: t(`transfers.tabs.${key}`),
          }))}
        />
        {error ? <ErrorAlert error={error} className="uh-block-alert" /> : null}
        <Table<Transfer>
          rowKey="id"
          size="middle"
          loading={loading}
          dataSource={data?.items ?? []}
          scroll={{ x: 1100 }}
          locale={{ emptyText: t('transfers.empty') }}
          onRow={(r) => ({ onClick: () => setOpenId(r.id), className: 'uh-clickable-row' })}
          pagination={
            paged
              ? {
                  current: page,
                  pageSize,
                  total: data?.total ?? 0,
                  showSizeChanger: true,
                  showTotal: (total) => t('transfers.total', { total }),
                  onChange: (p, s) => {
                    setPage(s === pageSize ? p : 1);
                    setPageSize(s);
                  },
                }
              : false
          }
          columns={[
            {
              title: t('transfers.member'),
              dataIndex: 'memberName',
              fixed: 'left',
              width: 100,
              render: (name: string) => <Typography.Link>{name}</Typography.Link>,
            },
            { title: t('transfers.from'), dataIndex: 'fromOrgName', ellipsis: true },
            { title: t('transfers.to'), dataIndex: 'toOrgName', ellipsis: true },
            { title: t('transfers.reason'), dataIndex: 'reason', ellipsis: true, width: 160 },
            {
              title: t('transfers.startedBy'),
              dataIndex: 'startedBy',
              width: 100,
              render: (v: Transfer['startedBy']) => t(`transfers.startedByValues.${v}`),
            },
            {
              title: t('transfers.status'),
              dataIndex: 'status',
              width: 140,
              render: (s: Transfer['status']) => (
                <Tag color={transferStatusColors[s]}>{t(`transferFlow.statuses.${s}`)}</Tag>
              ),
            },
            { title: t('transfers.createdAt'), dataIndex: 'createdAt', width: 170, render: date },
            {
              title: t('transfers.autoAcceptAt'),
              dataIndex: 'autoAcceptAt',
              width: 170,
              render: (v: string, r) =>
                r.status === 'pending_origin' || r.status === 'pending_destination'
                  ? date(v)
                  : t('common.empty'),
            },
            {
              title: '',
              key: 'action',
              width: 70,
              fixed: 'right',
              render: () => <Typography.Link>{t('transfers.view')}</Typography.Link>,
            },
          ]}
        />
      </Card>
      <TransferDrawer transferId={openId} onClose={() => setOpenId(null)} onChanged={load} />
    </div>
  );
}
