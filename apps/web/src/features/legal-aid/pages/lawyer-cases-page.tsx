import { AuditOutlined } from '@ant-design/icons';
import type { LegalAidCaseSummary } from '@unionhub/contracts';
import { Card, Empty, Table, Tabs, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { listLawyerCases } from '../api';

/** 援助案件: the legal-aid cases the union gave to the signed-in lawyer. */
export function LawyerCasesPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'all' ? 'all' : 'open';
  const [data, setData] = useState<{ items: LegalAidCaseSummary[]; total: number } | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    setData(null);
    listLawyerCases(tab === 'open').then(setData, setError);
  }, [tab]);

  return (
    <div className="uh-page">
      <Typography.Title level={4} className="uh-page-title">
        <AuditOutlined /> {t('legalAid.cases')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('legalAid.casesIntro')}</Typography.Paragraph>
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams({ tab: key })}
          items={[
            { key: 'open', label: t('legalAid.openOnly') },
            { key: 'all', label: t('legalConsult.workspace.tabs.all') },
          ]}
        />
        {error ? <ErrorAlert error={error} /> : null}
        <Table<LegalAidCaseSummary>
          rowKey="requestId"
          loading={!data && !error}
          dataSource={data?.items ?? []}
          pagination={false}
          locale={{ emptyText: <Empty description={t('legalAid.none')} /> }}
          columns={[
            { title: '#', dataIndex: 'requestId', width: 80 },
            {
              title: t('legalAid.member'),
              dataIndex: 'memberName',
              render: (name: string, r) => (
                <Link to={`/admin/legal/workspace/aid/${r.requestId}`}>{name}</Link>
              ),
            },
            { title: t('legalAid.union'), dataIndex: 'orgName' },
            {
              title: t('legalAid.submittedAt'),
              dataIndex: 'submittedAt',
              width: 130,
              render: (iso: string) => new Date(iso).toLocaleDateString('zh-CN'),
            },
            {
              title: t('legalAid.stage'),
              dataIndex: 'stage',
              width: 120,
              render: (s: string, r) =>
                r.outcome ? (
                  <Tag color="green">{t(`legalAid.outcomes.${r.outcome}`)}</Tag>
                ) : (
                  <Tag color="blue">{t(`legalAid.stages.${s}`)}</Tag>
                ),
            },
          ]}
        />
      </Card>
    </div>
  );
}
