import { DownloadOutlined, LineChartOutlined } from '@ant-design/icons';
import type { ServiceFigures, ServiceStats } from '@unionhub/contracts';
import {
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Empty,
  Row,
  Skeleton,
  Space,
  Statistic,
  Table,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { describeError } from '../../../lib/errors';
import { exportServiceStats, getServiceStats } from '../api';
import { Chart } from '../components/chart';

const RED = '#c8161d';
const STATE_COLORS: Record<string, string> = {
  submitted: '#f5a623',
  accepted: '#1677ff',
  in_progress: '#13a8a8',
  returned: '#722ed1',
  completed: RED,
  rejected: '#8c8c8c',
  withdrawn: '#d9d9d9',
};

const percent = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);
const hours = (v: number | null) => (v === null ? '—' : v < 48 ? `${v} 小时` : `${(v / 24).toFixed(1)} 天`);

/** 服务统计: how the unions of the caller's subtree serve — by service and by union below. */
export function ServiceStatsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().subtract(29, 'day'), dayjs()]);
  const [stats, setStats] = useState<ServiceStats | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [exporting, setExporting] = useState(false);
  const query = { from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') };

  useEffect(() => {
    setError(null);
    getServiceStats({ from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') }).then(
      setStats,
      setError,
    );
  }, [range]);

  const download = async () => {
    setExporting(true);
    try {
      const file = await exportServiceStats(query);
      const url = URL.createObjectURL(file.blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = file.filename ?? 'service-stats.xlsx';
      a.click();
      URL.revokeObjectURL(url);
    } catch (err) {
      void message.error(describeError(err, t).message);
    } finally {
      setExporting(false);
    }
  };

  const figureColumns = [
    { title: t('serviceStats.total'), dataIndex: 'total', width: 90 },
    {
      title: t('serviceStats.completed'),
      key: 'completed',
      width: 90,
      render: (_: unknown, f: ServiceFigures) => f.byState.completed ?? 0,
    },
    {
      title: t('serviceStats.acceptMedian'),
      key: 'acceptMedian',
      render: (_: unknown, f: ServiceFigures) =>
        `${hours(f.acceptHours.median)} / ${hours(f.acceptHours.p90)}`,
    },
    {
      title: t('serviceStats.completeMedian'),
      key: 'completeMedian',
      render: (_: unknown, f: ServiceFigures) =>
        `${hours(f.completeHours.median)} / ${hours(f.completeHours.p90)}`,
    },
    {
      title: t('serviceStats.overdueShare'),
      key: 'overdue',
      width: 100,
      render: (_: unknown, f: ServiceFigures) => percent(f.overdueShare),
    },
    {
      title: t('serviceStats.satisfaction'),
      key: 'rating',
      width: 130,
      render: (_: unknown, f: ServiceFigures) =>
        f.ratings ? `${f.ratingAverage} 分（${f.ratings} 条）` : t('serviceStats.noRatings'),
    },
  ];

  return (
    <div className="uh-page">
      <Typography.Title level={4} className="uh-page-title">
        <LineChartOutlined /> {t('serviceStats.title')}
      </Typography.Title>
      <Space wrap className="uh-filters" style={{ marginBottom: 16 }}>
        <span>{t('serviceStats.period')}</span>
        <DatePicker.RangePicker
          allowClear={false}
          value={range}
          disabledDate={(d) => d.isAfter(dayjs(), 'day')}
          onChange={(v) => {
            if (v?.[0] && v[1]) setRange([v[0], v[1]]);
          }}
        />
        <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void download()}>
          {t('serviceStats.export')}
        </Button>
      </Space>
      {error ? <ErrorAlert error={error} /> : null}
      {!stats && !error ? <Skeleton active paragraph={{ rows: 8 }} /> : null}
      {stats ? (
        <Row gutter={[16, 16]}>
          <Col span={24}>
            <Typography.Text type="secondary">
              {t('serviceStats.scope', { org: stats.org.name, from: stats.from, to: stats.to })}
            </Typography.Text>
          </Col>
          <Col xs={12} md={6}>
            <Card>
              <Statistic title={t('serviceStats.total')} value={stats.totals.total} suffix="件" />
            </Card>
          </Col>
          <Col xs={12} md={6}>
            <Card>
              <Statistic
                title={t('serviceStats.completed')}
                value={stats.totals.byState.completed ?? 0}
                suffix="件"
              />
            </Card>
          </Col>
          <Col xs={12} md={6}>
            <Card>
              <Statistic title={t('serviceStats.overdueShare')} value={percent(stats.totals.overdueShare)} />
            </Card>
          </Col>
          <Col xs={12} md={6}>
            <Card>
              <Statistic
                title={t('serviceStats.satisfiedShare')}
                value={percent(stats.totals.satisfiedShare)}
                suffix={stats.totals.ratings ? `（${stats.totals.ratings} 条评价）` : ''}
              />
            </Card>
          </Col>
          {stats.totals.total === 0 ? (
            <Col span={24}>
              <Card>
                <Empty description={t('serviceStats.empty')} />
              </Card>
            </Col>
          ) : (
            <>
              <Col span={24}>
                <Card title={t('serviceStats.byServiceChart')}>
                  <Chart
                    height={Math.max(220, stats.byService.length * 40)}
                    option={{
                      tooltip: { trigger: 'axis' },
                      legend: { bottom: 0 },
                      grid: { left: 8, right: 24, top: 8, bottom: 40, containLabel: true },
                      yAxis: {
                        type: 'category',
                        inverse: true,
                        data: stats.byService.map((s) => s.serviceName),
                      },
                      xAxis: { type: 'value', minInterval: 1 },
                      series: Object.keys(STATE_COLORS).map((state) => ({
                        type: 'bar' as const,
                        stack: 'state',
                        name: t(`hall.states.${state}`, { defaultValue: state }),
                        color: STATE_COLORS[state],
                        barMaxWidth: 24,
                        data: stats.byService.map((s) => s.byState[state] ?? 0),
                      })),
                    }}
                  />
                </Card>
              </Col>
              <Col span={24}>
                <Card title={t('serviceStats.byServiceTable')}>
                  <Table
                    size="small"
                    rowKey="serviceId"
                    pagination={false}
                    scroll={{ x: 760 }}
                    dataSource={stats.byService}
                    columns={[
                      { title: t('serviceStats.service'), dataIndex: 'serviceName' },
                      ...figureColumns,
                    ]}
                  />
                </Card>
              </Col>
              <Col span={24}>
                <Card title={t('serviceStats.byOrg')}>
                  <Table
                    size="small"
                    rowKey="orgId"
                    pagination={false}
                    scroll={{ x: 760 }}
                    dataSource={stats.byOrg}
                    columns={[
                      {
                        title: t('serviceStats.org'),
                        key: 'org',
                        render: (_: unknown, o: ServiceStats['byOrg'][number]) =>
                          `${o.orgName}${o.own ? t('serviceStats.own') : t('serviceStats.withBelow')}`,
                      },
                      ...figureColumns,
                    ]}
                  />
                </Card>
              </Col>
            </>
          )}
        </Row>
      ) : null}
    </div>
  );
}
