import { DownloadOutlined, LineChartOutlined } from '@ant-design/icons';
import type { JobFigures, JobStats } from '@unionhub/contracts';
import { App, Button, Card, Col, DatePicker, Row, Skeleton, Space, Statistic, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { describeError } from '../../../lib/errors';
import { Chart } from '../../stats/components/chart';
import { exportJobStats, getJobStats } from '../api';

/** 就业统计: jobs posted, open positions, applications and hires of the union's subtree. */
export function JobStatsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().subtract(29, 'day'), dayjs()]);
  const [stats, setStats] = useState<JobStats | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [exporting, setExporting] = useState(false);
  const query = { from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') };

  useEffect(() => {
    setStats(null);
    setError(null);
    getJobStats({ from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') }).then(
      setStats,
      setError,
    );
  }, [range]);

  const download = async () => {
    setExporting(true);
    try {
      const file = await exportJobStats(query);
      const url = URL.createObjectURL(file.blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = file.filename ?? 'job-stats.xlsx';
      a.click();
      URL.revokeObjectURL(url);
    } catch (err) {
      void message.error(describeError(err, t).message);
    } finally {
      setExporting(false);
    }
  };

  const figures = [
    { title: t('jobs.posted'), dataIndex: 'posted' },
    { title: t('jobs.openJobs'), dataIndex: 'openJobs' },
    { title: t('jobs.openPositions'), dataIndex: 'openPositions' },
    { title: t('jobs.applications'), dataIndex: 'applications' },
    { title: t('jobs.hires'), dataIndex: 'hires' },
  ] as const;

  return (
    <div className="uh-page">
      <Typography.Title level={4} className="uh-page-title">
        <LineChartOutlined /> {t('jobs.stats')}
      </Typography.Title>
      <Space wrap className="uh-filters" style={{ marginBottom: 16 }}>
        <span>{t('jobs.period')}</span>
        <DatePicker.RangePicker
          allowClear={false}
          value={range}
          disabledDate={(d) => d.isAfter(dayjs(), 'day')}
          onChange={(v) => {
            if (v?.[0] && v[1]) setRange([v[0], v[1]]);
          }}
        />
        <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void download()}>
          {t('jobs.export')}
        </Button>
      </Space>
      {error ? <ErrorAlert error={error} /> : null}
      {!stats && !error ? <Skeleton active paragraph={{ rows: 8 }} /> : null}
      {stats ? (
        <Row gutter={[16, 16]}>
          <Col span={24}>
            <Typography.Text type="secondary">
              {stats.org.name} · {stats.from} 至 {stats.to} · {t('jobs.statsNote')}
            </Typography.Text>
          </Col>
          {figures.map((f) => (
            <Col key={f.dataIndex} xs={12} md={4}>
              <Card>
                <Statistic title={f.title} value={stats.totals[f.dataIndex as keyof JobFigures]} />
              </Card>
            </Col>
          ))}
          <Col span={24}>
            <Card title={t('jobs.byCategory')}>
              <Chart
                option={{
                  tooltip: { trigger: 'axis' },
                  legend: { bottom: 0 },
                  grid: { left: 8, right: 24, top: 8, bottom: 40, containLabel: true },
                  xAxis: {
                    type: 'category',
                    data: stats.byCategory.map((c) => t(`jobs.categories.${c.category}`)),
                  },
                  yAxis: { type: 'value', minInterval: 1 },
                  series: (['openPositions', 'applications', 'hires'] as const).map((key) => ({
                    type: 'bar' as const,
                    name: t(`jobs.${key}`),
                    barMaxWidth: 24,
                    data: stats.byCategory.map((c) => c[key]),
                  })),
                }}
              />
              <Table
                rowKey="category"
                size="small"
                pagination={false}
                dataSource={stats.byCategory}
                columns={[
                  {
                    title: t('jobs.category'),
                    dataIndex: 'category',
                    render: (c: string) => t(`jobs.categories.${c}`),
                  },
                  ...figures,
                ]}
              />
            </Card>
          </Col>
          <Col span={24}>
            <Card title={t('jobs.byUnion')}>
              <Table
                rowKey="orgId"
                size="small"
                pagination={false}
                dataSource={stats.byOrg}
                columns={[
                  {
                    title: t('jobs.union'),
                    dataIndex: 'orgName',
                    render: (name: string, o: { own: boolean }) =>
                      `${name}${o.own ? t('jobs.own') : t('jobs.withBelow')}`,
                  },
                  ...figures,
                ]}
              />
            </Card>
          </Col>
        </Row>
      ) : null}
    </div>
  );
}
