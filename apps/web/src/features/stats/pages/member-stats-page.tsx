import { BarChartOutlined } from '@ant-design/icons';
import type { OrgMemberStats } from '@unionhub/contracts';
import { Card, Col, Empty, Row, Skeleton, Statistic, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { useMe } from '../../../lib/session';
import { getOrgMemberStats } from '../api';
import { Chart } from '../components/chart';

const RED = '#c8161d';
const PALETTE = [RED, '#f5a623', '#1677ff', '#13a8a8', '#722ed1', '#eb2f96', '#52c41a'];

/** 会员统计: the figures of the caller's subtree, read from rollups kept on every change. */
export function MemberStatsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [stats, setStats] = useState<OrgMemberStats | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (me.org) getOrgMemberStats(me.org.id).then(setStats, setError);
  }, [me.org]);

  if (error) return <ErrorAlert error={error} />;
  if (!stats) return <Skeleton active paragraph={{ rows: 8 }} />;

  const sum = (list: { count: number }[]) => list.reduce((n, b) => n + b.count, 0);
  const label = (group: string, key: string) => t(`stats.${group}.${key}`, { defaultValue: key });
  const pie = (group: string, data: { key: string; count: number }[]) => ({
    color: PALETTE,
    tooltip: { trigger: 'item' as const, formatter: '{b}：{c} 人（{d}%）' },
    legend: { bottom: 0 },
    series: [
      {
        type: 'pie' as const,
        radius: ['30%', '66%'],
        center: ['50%', '45%'],
        // Names are in the legend; inside the ring the share fits at any card width.
        label: {
          position: 'inside' as const,
          formatter: (p: { percent?: number }) => `${Math.round(p.percent ?? 0)}%`,
          color: '#fff',
          fontWeight: 'bold' as const,
        },
        data: data.map((b) => ({ name: label(group, b.key), value: b.count })),
      },
    ],
  });
  const bars = (group: string, data: { key: string; count: number }[]) => ({
    color: [RED],
    tooltip: { trigger: 'axis' as const },
    grid: { left: 48, right: 16, top: 16, bottom: 32 },
    xAxis: {
      type: 'category' as const,
      data: data.map((b) => label(group, b.key)),
      axisLabel: { interval: 0, fontSize: 11 },
    },
    yAxis: { type: 'value' as const, minInterval: 1 },
    series: [{ type: 'bar' as const, data: data.map((b) => b.count), barMaxWidth: 36 }],
  });
  // Category names are long (新就业形态劳动者): bars run sideways so every name can be read.
  const sidewaysBars = (group: string, data: { key: string; count: number }[]) => ({
    color: [RED],
    tooltip: { trigger: 'axis' as const },
    grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
    yAxis: { type: 'category' as const, inverse: true, data: data.map((b) => label(group, b.key)) },
    xAxis: { type: 'value' as const, minInterval: 1 },
    series: [
      {
        type: 'bar' as const,
        data: data.map((b) => b.count),
        barMaxWidth: 24,
        label: { show: true, position: 'right' as const },
      },
    ],
  });

  return (
    <div className="uh-page">
      <Typography.Title level={4} className="uh-page-title">
        <BarChartOutlined /> {t('stats.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {t('stats.scope')}：{stats.orgName}（{t('stats.scopeHint')}）
      </Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={8}>
          <Card>
            <Statistic title={t('stats.active')} value={stats.active} suffix={t('stats.people')} />
          </Card>
        </Col>
        <Col xs={12} md={8}>
          <Card>
            <Statistic
              title={t('stats.joinedThisYear')}
              value={sum(stats.joinsByMonth)}
              suffix={t('stats.people')}
            />
          </Card>
        </Col>
        <Col xs={12} md={8}>
          <Card>
            <Statistic
              title={t('stats.leftThisYear')}
              value={sum(stats.leavesByMonth)}
              suffix={t('stats.people')}
            />
          </Card>
        </Col>
        {stats.byStatus.length === 0 ? (
          <Col span={24}>
            <Card>
              <Empty description={t('stats.empty')} />
            </Card>
          </Col>
        ) : (
          <>
            <Col xs={24} lg={8}>
              <Card title={t('stats.statusTitle')}>
                <Chart option={pie('statuses', stats.byStatus)} />
              </Card>
            </Col>
            <Col xs={24} lg={8}>
              <Card title={t('stats.genderTitle')}>
                <Chart option={pie('genders', stats.byGender)} />
              </Card>
            </Col>
            <Col xs={24} lg={8}>
              <Card title={t('stats.ageTitle')}>
                <Chart option={bars('ageBands', stats.byAgeBand)} />
              </Card>
            </Col>
            <Col xs={24} lg={10}>
              <Card title={t('stats.categoryTitle')}>
                {stats.byCategory.length ? (
                  <Chart option={sidewaysBars('categories', stats.byCategory)} />
                ) : (
                  <Empty />
                )}
              </Card>
            </Col>
            <Col xs={24} lg={14}>
              <Card title={t('stats.trendTitle')}>
                <Chart
                  option={{
                    color: [RED, '#8c8c8c'],
                    tooltip: { trigger: 'axis' },
                    legend: { data: [t('stats.joins'), t('stats.leaves')], bottom: 0 },
                    grid: { left: 48, right: 16, top: 16, bottom: 48 },
                    xAxis: { type: 'category', data: stats.joinsByMonth.map((m) => m.key) },
                    yAxis: { type: 'value', minInterval: 1 },
                    series: [
                      {
                        name: t('stats.joins'),
                        type: 'line',
                        smooth: true,
                        data: stats.joinsByMonth.map((m) => m.count),
                      },
                      {
                        name: t('stats.leaves'),
                        type: 'line',
                        smooth: true,
                        data: stats.leavesByMonth.map((m) => m.count),
                      },
                    ],
                  }}
                />
              </Card>
            </Col>
          </>
        )}
      </Row>
    </div>
  );
}
