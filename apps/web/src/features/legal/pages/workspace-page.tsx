import { AuditOutlined } from '@ant-design/icons';
import type { ConsultationSummary } from '@unionhub/contracts';
import { Card, Empty, Table, Tabs, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { listWorkspace } from '../api';
import { chinaDateTime, STATE_COLORS } from '../format';

/** 法律咨询工作台: the questions assigned to the signed-in lawyer, open ones first. */
export function WorkspacePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'all' ? 'all' : 'open';
  const [page, setPage] = useState(1);
  const [data, setData] = useState<{ items: ConsultationSummary[]; total: number } | null>(null);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(() => {
    setError(null);
    listWorkspace({ ...(tab === 'open' ? { open: true } : {}), page, pageSize: 20 }).then(setData, setError);
  }, [tab, page]);
  useEffect(load, [load]);

  return (
    <div className="uh-page">
      <Typography.Title level={4} className="uh-page-title">
        <AuditOutlined /> {t('legalConsult.workspace.title')}
      </Typography.Title>
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => {
            setParams({ tab: key });
            setPage(1);
          }}
          items={(['open', 'all'] as const).map((k) => ({
            key: k,
            label: t(`legalConsult.workspace.tabs.${k}`),
          }))}
        />
        {error ? <ErrorAlert error={error} /> : null}
        <Table<ConsultationSummary>
          rowKey="id"
          loading={!data && !error}
          dataSource={data?.items ?? []}
          locale={{ emptyText: <Empty description={t('legalConsult.workspace.empty')} /> }}
          pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, onChange: setPage }}
          columns={[
            { title: t('legalConsult.workspace.no'), dataIndex: 'id', width: 80 },
            {
              title: t('legalConsult.workspace.question'),
              dataIndex: 'excerpt',
              render: (text: string, r) => <Link to={`/admin/legal/workspace/${r.id}`}>{text}</Link>,
            },
            {
              title: t('legalConsult.workspace.field'),
              dataIndex: 'field',
              width: 120,
              render: (f: string) => t(`legalConsult.fields.${f}`),
            },
            {
              title: t('legalConsult.workspace.askedAt'),
              dataIndex: 'askedAt',
              width: 130,
              render: (iso: string) => chinaDateTime(iso),
            },
            {
              title: t('legalConsult.workspace.state'),
              dataIndex: 'state',
              width: 100,
              render: (s: ConsultationSummary['state']) => (
                <Tag color={STATE_COLORS[s]}>{t(`legalConsult.states.${s}`)}</Tag>
              ),
            },
            {
              title: '',
              key: 'open',
              width: 80,
              render: (_: unknown, r) => (
                <Link to={`/admin/legal/workspace/${r.id}`}>{t('legalConsult.workspace.open')}</Link>
              ),
            },
          ]}
        />
      </Card>
    </div>
  );
}
