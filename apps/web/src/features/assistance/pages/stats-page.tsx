import { BarChartOutlined, DownloadOutlined } from '@ant-design/icons';
import type { AssistanceKind, AssistanceStats } from '@unionhub/contracts';
import { App, Button, Card, Col, DatePicker, Row, Skeleton, Space, Statistic, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { describeError } from '../../../lib/errors';
import { useMe } from '../../../lib/session';
import { Chart } from '../../stats/components/chart';
import { exportStats, getStats, saveFile, yuan } from '../api';

const COLORS = ['#c8161d', '#f5a623', '#1677ff', '#13a8a8', '#722ed1', '#8c8c8c'];

/** 帮扶统计: households by tier and cause, re-check compliance, assistance by kind, review times, budgets. */
export function AssistanceStatsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().startOf('year'), dayjs()]);
  const [stats, setStats] = useState<AssistanceStats | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [exporting, setExporting] = useState(false);
  const query = {
    orgId: me.org?.id ?? 0,
    from: range[0].format('YYYY-MM-DD'),
    to: range[1].format('YYYY-MM-DD'),
  };

  useEffect(() => {
    if (!me.org) return;
    setError(null);
    getStats({
      orgId: me.org.id,
      from: range[0].format('YYYY-MM-DD'),
      to: range[1].format('YYYY-MM-DD'),
    }).then(setStats, setError);
  }, [range, me.org]);

  const download = async () => {
    setExporting(true);
    try {
      saveFile(await exportStats(query), 'assistance-stats.xlsx');
    } catch (err) {
      void message.error(describeError(err, t).message);
    } finally {
      setExporting(false);
    }
  };

  const pie = (title: string, data: { name: string; value: number }[]) => (
    <Card title={title}>
      <Chart
        height={260}
        option={{
          tooltip: { trigger: 'item' },
          legend: { bottom: 0 },
          color: COLORS,
          series: [{ type: 'pie', radius: ['40%', '68%'], data, label: { formatter: '{b}: {c}' } }],
        }}
      />
    </Card>
  );

  return (
    <div className="uh-page">
      <Typography.Title level={4} className="uh-page-title">
        <BarChartOutlined /> {t('assistance.statsTitle')}
      </Typography.Title>
      <Space wrap className="uh-filters" style={{ marginBottom: 16 }}>
        <DatePicker.RangePicker
          allowClear={false}
          value={range}
          onChange={(v) => {
            if (v?.[0] && v[1]) setRange([v[0], v[1]]);
          }}
        />
        <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void download()}>
          {t('assistance.export')}
        </Button>
      </Space>
      {error ? <ErrorAlert error={error} /> : null}
      {!stats && !error ? <Skeleton active paragraph={{ rows: 8 }} /> : null}
      {stats ? (
        <Row gutter={[16, 16]}>
          <Col xs={12} md={6}>
            <Card>
              <Statistic title={t('assistance.households')} value={stats.households.open} suffix="户" />
            </Card>
          </Col>
          <Col xs={12} md={6}>
            <Card>
              <Statistic title={t('assistance.onTime')} value={stats.rechecks.onTime} suffix="户" />
            </Card>
          </Col>
          <Col xs={12} md={6}>
            <Card>
              <Statistic title={t('assistance.late')} value={stats.rechecks.late} suffix="户" />
            </Card>
          </Col>
          <Col xs={12} md={6}>
            <Card>
              <Statistic
                title={t('assistance.overdueNow')}
                value={stats.rechecks.overdue}
                suffix="户"
                valueStyle={stats.rechecks.overdue ? { color: '#c8161d' } : undefined}
              />
            </Card>
          </Col>
          <Col xs={24} md={12}>
            {pie(
              t('assistance.byTier'),
              stats.households.byTier.map((x) => ({ name: t(`assistance.tiers.${x.tier}`), value: x.count })),
            )}
          </Col>
          <Col xs={24} md={12}>
            {pie(
              t('assistance.byCause'),
              stats.households.byCause.map((x) => ({
                name: t(`assistance.causes.${x.cause}`),
                value: x.count,
              })),
            )}
          </Col>
          <Col span={24}>
            <Card title={t('assistance.byKind')}>
              <Chart
                height={260}
                option={{
                  tooltip: { trigger: 'axis' },
                  legend: { bottom: 0 },
                  grid: { left: 8, right: 24, top: 8, bottom: 40, containLabel: true },
                  xAxis: { type: 'category', data: stats.byKind.map((k) => t(`assistance.kinds.${k.kind}`)) },
                  yAxis: { type: 'value', name: '元' },
                  series: (['requestedFen', 'approvedFen', 'paidFen'] as const).map((key, i) => ({
                    type: 'bar' as const,
                    name: t(
                      key === 'requestedFen'
                        ? 'assistance.amountRequested'
                        : key === 'approvedFen'
                          ? 'assistance.amountApproved'
                          : 'assistance.paid',
                    ),
                    color: COLORS[i],
                    barMaxWidth: 28,
                    data: stats.byKind.map((k) => k[key] / 100),
                  })),
                }}
              />
              <Table
                rowKey="kind"
                size="small"
                pagination={false}
                dataSource={stats.byKind}
                columns={[
                  {
                    title: t('assistance.kind'),
                    dataIndex: 'kind',
                    render: (k: AssistanceKind) => t(`assistance.kinds.${k}`),
                  },
                  { title: t('assistance.applications'), dataIndex: 'count' },
                  {
                    title: t('assistance.amountRequested'),
                    dataIndex: 'requestedFen',
                    align: 'right',
                    render: (v: number) => yuan(v),
                  },
                  {
                    title: t('assistance.amountApproved'),
                    dataIndex: 'approvedFen',
                    align: 'right',
                    render: (v: number) => yuan(v),
                  },
                  {
                    title: t('assistance.paid'),
                    dataIndex: 'paidFen',
                    align: 'right',
                    render: (v: number) => yuan(v),
                  },
                ]}
              />
            </Card>
          </Col>
          <Col xs={24} md={12}>
            <Card title={t('assistance.reviewHours')}>
              <Table
                rowKey="level"
                size="small"
                pagination={false}
                dataSource={stats.reviewHours}
                columns={[
                  {
                    title: t('assistance.currentLevel'),
                    dataIndex: 'level',
                    render: (l: string) => t(`assistance.levels.${l}`),
                  },
                  { title: t('assistance.applications'), dataIndex: 'count' },
                  {
                    title: t('assistance.median'),
                    dataIndex: 'medianHours',
                    render: (v: number | null) => v ?? '—',
                  },
                  {
                    title: t('assistance.p90'),
                    dataIndex: 'p90Hours',
                    render: (v: number | null) => v ?? '—',
                  },
                ]}
              />
            </Card>
          </Col>
          <Col xs={24} md={12}>
            <Card title={t('assistance.budgetUse')}>
              <Table
                rowKey={(b) => `${b.org.id}-${b.year}`}
                size="small"
                pagination={false}
                dataSource={stats.budgets}
                columns={[
                  { title: t('assistance.union'), dataIndex: ['org', 'name'] },
                  { title: t('assistance.year'), dataIndex: 'year' },
                  {
                    title: t('assistance.budget'),
                    dataIndex: 'amountFen',
                    align: 'right',
                    render: (v: number) => yuan(v),
                  },
                  {
                    title: t('assistance.committed'),
                    dataIndex: 'committedFen',
                    align: 'right',
                    render: (v: number) => yuan(v),
                  },
                  {
                    title: t('assistance.paid'),
                    dataIndex: 'paidFen',
                    align: 'right',
                    render: (v: number) => yuan(v),
                  },
                ]}
              />
            </Card>
          </Col>
        </Row>
      ) : null}
    </div>
  );
}
