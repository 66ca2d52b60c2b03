import { DownloadOutlined, FundOutlined } from '@ant-design/icons';
import type { LegalStats } from '@unionhub/contracts';
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
import { exportLegalStats, getLegalStats } from '../api';
import { Chart } from '../components/chart';
import { LegalStatsSections } from '../components/legal-stats-sections';

const RED = '#c8161d';
const percent = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);

/** 法律服务统计: consultations, legal aid, lectures and labour-law supervision of the caller's subtree over a period. */
export function LegalStatsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().subtract(1, 'year').add(1, 'day'), dayjs()]);
  const [stats, setStats] = useState<LegalStats | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [exporting, setExporting] = useState(false);
  const query = { from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') };
  const l = (k: string) => t(`legalStats.${k}`);

  useEffect(() => {
    setError(null);
    getLegalStats({ from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') }).then(
      setStats,
      setError,
    );
  }, [range]);

  const download = async () => {
    setExporting(true);
    try {
      const file = await exportLegalStats(query);
      const url = URL.createObjectURL(file.blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = file.filename ?? 'legal-stats.xlsx';
      a.click();
      URL.revokeObjectURL(url);
    } catch (err) {
      void message.error(describeError(err, t).message);
    } finally {
      setExporting(false);
    }
  };

  const orgColumn = {
    title: l('org'),
    key: 'org',
    render: (_: unknown, o: { orgName: string; own: boolean }) =>
      `${o.orgName}${o.own ? l('own') : l('withBelow')}`,
  };

  return (
    <div className="uh-page">
      <Typography.Title level={4} className="uh-page-title">
        <FundOutlined /> {l('title')}
      </Typography.Title>
      <Space wrap className="uh-filters" style={{ marginBottom: 16 }}>
        <span>{l('period')}</span>
        <DatePicker.RangePicker
          allowClear={false}
          value={range}
          disabledDate={(d) => d.isAfter(dayjs(), 'day')}
          onChange={(v) => {
            if (v?.[0] && v[1]) setRange([v[0], v[1]]);
          }}
        />
        <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void download()}>
          {l('export')}
        </Button>
      </Space>
      {error ? <ErrorAlert error={error} /> : null}
      {!stats && !error ? <Skeleton active paragraph={{ rows: 8 }} /> : null}
      {stats ? (
        <Row gutter={[16, 16]}>
          <Col span={24}>
            <Typography.Text type="secondary">
              {t('legalStats.scope', { org: stats.org.name, from: stats.from, to: stats.to })}
            </Typography.Text>
          </Col>
          <LegalStatsSections stats={stats} />
          <Col span={24}>
            <Typography.Title level={5}>{l('lectures')}</Typography.Title>
          </Col>
          {(
            [
              ['lectureCount', stats.lectures.totals.lectures, l('unit.times')],
              ['registrations', stats.lectures.totals.registrations, l('unit.people')],
              ['attended', stats.lectures.totals.attended, l('unit.people')],
              ['attendanceRate', percent(stats.lectures.totals.attendanceRate), ''],
            ] as const
          ).map(([key, value, suffix]) => (
            <Col xs={12} md={6} key={key}>
              <Card>
                <Statistic title={l(key)} value={value} suffix={suffix} />
              </Card>
            </Col>
          ))}
          {stats.lectures.byOrg.length > 0 && (
            <Col xs={24} lg={12}>
              <Card title={l('byOrgChart')}>
                <Chart
                  height={Math.max(220, stats.lectures.byOrg.length * 48)}
                  option={{
                    tooltip: { trigger: 'axis' },
                    legend: { bottom: 0 },
                    grid: { left: 8, right: 24, top: 8, bottom: 40, containLabel: true },
                    yAxis: {
                      type: 'category',
                      inverse: true,
                      data: stats.lectures.byOrg.map((o) => o.orgName),
                    },
                    xAxis: { type: 'value', minInterval: 1 },
                    series: [
                      {
                        type: 'bar',
                        name: l('registrations'),
                        color: '#f5a623',
                        barMaxWidth: 20,
                        data: stats.lectures.byOrg.map((o) => o.registrations),
                      },
                      {
                        type: 'bar',
                        name: l('attended'),
                        color: RED,
                        barMaxWidth: 20,
                        data: stats.lectures.byOrg.map((o) => o.attended),
                      },
                    ],
                  }}
                />
              </Card>
            </Col>
          )}
          <Col xs={24} lg={stats.lectures.byOrg.length > 0 ? 12 : 24}>
            <Card title={l('byOrgLectures')}>
              <Table
                size="small"
                rowKey="orgId"
                pagination={false}
                dataSource={stats.lectures.byOrg}
                locale={{ emptyText: <Empty description={l('empty')} /> }}
                columns={[
                  orgColumn,
                  { title: l('lectureCount'), dataIndex: 'lectures' },
                  { title: l('registrations'), dataIndex: 'registrations' },
                  { title: l('attended'), dataIndex: 'attended' },
                  { title: l('attendanceRate'), key: 'rate', render: (_, o) => percent(o.attendanceRate) },
                ]}
              />
            </Card>
          </Col>
          <Col span={24}>
            <Typography.Title level={5}>{l('supervision')}</Typography.Title>
          </Col>
          {(
            [
              ['inspections', stats.supervision.totals.inspections, l('unit.checks')],
              ['enterprises', stats.supervision.totals.enterprises, l('unit.companies')],
              ['rectificationRate', percent(stats.supervision.totals.rectificationRate), ''],
              ['overdue', stats.supervision.totals.overdue, l('unit.checks')],
            ] as const
          ).map(([key, value, suffix]) => (
            <Col xs={12} md={6} key={key}>
              <Card>
                <Statistic
                  title={l(key)}
                  value={value}
                  suffix={suffix}
                  styles={key === 'overdue' && Number(value) > 0 ? { content: { color: RED } } : {}}
                />
              </Card>
            </Col>
          ))}
          {stats.supervision.nonCompliance.length > 0 && (
            <Col xs={24} lg={12}>
              <Card title={l('nonCompliance')}>
                <Chart
                  height={Math.max(220, stats.supervision.nonCompliance.length * 36)}
                  option={{
                    tooltip: { trigger: 'axis' },
                    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
                    yAxis: {
                      type: 'category',
                      inverse: true,
                      data: stats.supervision.nonCompliance.map((i) => i.label),
                    },
                    xAxis: { type: 'value', minInterval: 1 },
                    series: [
                      {
                        type: 'bar',
                        color: RED,
                        barMaxWidth: 20,
                        data: stats.supervision.nonCompliance.map((i) => i.count),
                      },
                    ],
                  }}
                />
              </Card>
            </Col>
          )}
          <Col xs={24} lg={stats.supervision.nonCompliance.length > 0 ? 12 : 24}>
            <Card title={l('byOrgSupervision')}>
              <Table
                size="small"
                rowKey="orgId"
                pagination={false}
                dataSource={stats.supervision.byOrg}
                locale={{ emptyText: <Empty description={l('empty')} /> }}
                columns={[
                  orgColumn,
                  { title: l('inspections'), dataIndex: 'inspections' },
                  { title: l('enterprises'), dataIndex: 'enterprises' },
                  { title: l('needingRectification'), dataIndex: 'needingRectification' },
                  {
                    title: l('rectificationRate'),
                    key: 'rate',
                    render: (_, o) => percent(o.rectificationRate),
                  },
                  { title: l('overdue'), dataIndex: 'overdue' },
                ]}
              />
            </Card>
          </Col>
        </Row>
      ) : null}
    </div>
  );
}
