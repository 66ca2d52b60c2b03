import type { LegalStats } from '@unionhub/contracts';
import { Card, Col, Empty, Statistic, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Chart } from './chart';

const RED = '#c8161d';
const GOLD = '#d4a017';
const percent = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);
const dash = (v: number | null) => (v === null ? '—' : v);
const yuan = (fen: number) => (fen / 100).toLocaleString('zh-CN', { maximumFractionDigits: 2 });

type OrgRow = { orgName: string; own: boolean };

/** 法律咨询 and 法律援助 sections of 法律服务统计: figures, a chart, tables by field or union. */
export function LegalStatsSections({ stats }: { stats: LegalStats }) {
  const { t } = useTranslation();
  const l = (k: string) => t(`legalStats.${k}`);
  const orgColumn = {
    title: l('org'),
    key: 'org',
    render: (_: unknown, o: OrgRow) => `${o.orgName}${o.own ? l('own') : l('withBelow')}`,
  };
  const c = stats.consultations;
  const a = stats.legalAid;
  const consultationColumns = [
    { title: l('asked'), dataIndex: 'asked' },
    { title: l('answered'), dataIndex: 'answered' },
    {
      title: l('answerMedian'),
      key: 'median',
      render: (_: unknown, o: typeof c.totals) => dash(o.answerMinutesMedian),
    },
    {
      title: l('answerP90'),
      key: 'p90',
      render: (_: unknown, o: typeof c.totals) => dash(o.answerMinutesP90),
    },
    {
      title: l('satisfaction'),
      key: 'sat',
      render: (_: unknown, o: typeof c.totals) => percent(o.satisfaction),
    },
    { title: l('timedOut'), dataIndex: 'timedOut' },
  ];
  return (
    <>
      <Col span={24}>
        <Typography.Title level={5}>{l('consultations')}</Typography.Title>
      </Col>
      {(
        [
          ['asked', c.totals.asked, ''],
          ['answered', c.totals.answered, ''],
          ['answerMedian', dash(c.totals.answerMinutesMedian), l('minutes')],
          ['answerP90', dash(c.totals.answerMinutesP90), l('minutes')],
          ['satisfaction', percent(c.totals.satisfaction), ''],
          ['ratingMean', dash(c.totals.ratingMean), ''],
        ] as const
      ).map(([key, value, suffix]) => (
        <Col xs={12} md={4} key={key}>
          <Card>
            <Statistic title={l(key)} value={value} suffix={suffix} />
          </Card>
        </Col>
      ))}
      <Col xs={24} lg={12}>
        <Card title={l('byField')}>
          {c.byField.length > 0 ? (
            <Chart
              height={Math.max(220, c.byField.length * 40)}
              option={{
                tooltip: { trigger: 'axis' },
                legend: { top: 0 },
                grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
                yAxis: {
                  type: 'category',
                  inverse: true,
                  data: c.byField.map((f) => t(`legalConsult.fields.${f.field}`, { defaultValue: f.field })),
                },
                xAxis: { type: 'value', minInterval: 1 },
                series: [
                  {
                    name: l('asked'),
                    type: 'bar',
                    color: RED,
                    barMaxWidth: 16,
                    data: c.byField.map((f) => f.asked),
                  },
                  {
                    name: l('answered'),
                    type: 'bar',
                    color: GOLD,
                    barMaxWidth: 16,
                    data: c.byField.map((f) => f.answered),
                  },
                ],
              }}
            />
          ) : (
            <Empty description={l('empty')} />
          )}
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card title={l('byOrgConsultations')}>
          <Table
            size="small"
            rowKey="orgId"
            pagination={false}
            dataSource={c.byOrg}
            locale={{ emptyText: <Empty description={l('empty')} /> }}
            columns={[orgColumn, ...consultationColumns]}
          />
        </Card>
      </Col>

      <Col span={24}>
        <Typography.Title level={5}>{l('legalAid')}</Typography.Title>
      </Col>
      {(
        [
          ['aidCases', a.totals.cases, ''],
          ['aidOpen', a.totals.open, ''],
          ['aidClosed', a.totals.closed, ''],
          ['recovered', yuan(a.totals.amountRecoveredFen), l('yuan')],
        ] as const
      ).map(([key, value, suffix]) => (
        <Col xs={12} md={6} key={key}>
          <Card>
            <Statistic title={l(key)} value={value} suffix={suffix} />
          </Card>
        </Col>
      ))}
      <Col xs={24} lg={12}>
        <Card title={l('byOutcome')}>
          {a.byOutcome.length > 0 ? (
            <Chart
              height={240}
              option={{
                tooltip: { trigger: 'item' },
                series: [
                  {
                    type: 'pie',
                    radius: ['40%', '70%'],
                    data: a.byOutcome.map((o) => ({
                      name: t(`legalAid.outcomes.${o.outcome}`),
                      value: o.count,
                    })),
                  },
                ],
              }}
            />
          ) : (
            <Empty description={l('empty')} />
          )}
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card title={l('byOrgAid')}>
          <Table
            size="small"
            rowKey="orgId"
            pagination={false}
            dataSource={a.byOrg}
            locale={{ emptyText: <Empty description={l('empty')} /> }}
            columns={[
              orgColumn,
              { title: l('aidCases'), dataIndex: 'cases' },
              { title: l('aidClosed'), dataIndex: 'closed' },
              { title: l('claimed'), key: 'claimed', render: (_, o) => yuan(o.amountClaimedFen) },
              { title: l('recovered'), key: 'recovered', render: (_, o) => yuan(o.amountRecoveredFen) },
            ]}
          />
        </Card>
      </Col>
    </>
  );
}
