import { AuditOutlined, PlusOutlined } from '@ant-design/icons';
import type { InspectionStatus, InspectionSummary } from '@unionhub/contracts';
import { InspectionStatuses } from '@unionhub/contracts';
import { Button, Card, Checkbox, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { useMe } from '../../../lib/session';
import { getEnterprise, listInspections } from '../api';

interface Filters {
  status?: InspectionStatus;
  overdue?: boolean;
  q?: string;
}

/** 劳动法律监督: inspections of the subtree (or one enterprise's history) with overdue rectifications in red. */
export function InspectionsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const enterpriseId = Number(params.get('enterpriseId')) || undefined;
  const [enterpriseName, setEnterpriseName] = useState<string | null>(null);
  const [filters, setFilters] = useState<Filters>({ overdue: params.get('overdue') === 'true' });
  const [page, setPage] = useState(1);
  const [data, setData] = useState<{ items: InspectionSummary[]; total: number } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    setEnterpriseName(null);
    if (enterpriseId)
      getEnterprise(enterpriseId).then(
        (e) => setEnterpriseName(e.name),
        () => undefined,
      );
  }, [enterpriseId]);

  const load = useCallback(() => {
    setLoading(true);
    setError(null);
    listInspections({
      ...(enterpriseId ? { enterpriseId } : {}),
      ...(filters.status ? { status: filters.status } : {}),
      ...(filters.overdue ? { overdue: true } : {}),
      ...(filters.q?.trim() ? { q: filters.q.trim() } : {}),
      page,
      pageSize: 20,
    })
      .then(setData, setError)
      .finally(() => setLoading(false));
  }, [filters, page, enterpriseId]);
  useEffect(load, [load]);

  return (
    <div className="uh-page">
      <Typography.Title level={4} className="uh-page-title">
        <AuditOutlined />{' '}
        {enterpriseId && enterpriseName
          ? t('legal.supervision.historyOf', { name: enterpriseName })
          : t('legal.supervision.title')}
      </Typography.Title>
      <Card>
        <Space wrap style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }}>
          <Form<Filters>
            name="inspection-filters"
            layout="inline"
            initialValues={filters}
            onFinish={(v) => {
              setFilters(v);
              setPage(1);
            }}
          >
            <Form.Item name="status">
              <Select
                allowClear
                placeholder={t('legal.supervision.allStatuses')}
                style={{ width: 130 }}
                options={InspectionStatuses.map((s) => ({
                  value: s,
                  label: t(`legal.supervision.statuses.${s}`),
                }))}
              />
            </Form.Item>
            {!enterpriseId && (
              <Form.Item name="q">
                <Input
                  allowClear
                  placeholder={t('legal.supervision.searchPlaceholder')}
                  style={{ width: 260 }}
                />
              </Form.Item>
            )}
            <Form.Item name="overdue" valuePropName="checked">
              <Checkbox>{t('legal.supervision.overdueOnly')}</Checkbox>
            </Form.Item>
            <Form.Item>
              <Button htmlType="submit">{t('legal.supervision.search')}</Button>
            </Form.Item>
            {enterpriseId && (
              <Form.Item>
                <Button type="link" onClick={() => setParams({})}>
                  {t('legal.supervision.back')}
                </Button>
              </Form.Item>
            )}
          </Form>
          {me.permissions.includes('legal.manage') && (
            <Link to={`/admin/legal/supervision/new${enterpriseId ? `?enterpriseId=${enterpriseId}` : ''}`}>
              <Button type="primary" icon={<PlusOutlined />}>
                {t('legal.supervision.create')}
              </Button>
            </Link>
          )}
        </Space>
        {error ? <ErrorAlert error={error} /> : null}
        <Table<InspectionSummary>
          rowKey="id"
          loading={loading}
          dataSource={data?.items ?? []}
          scroll={{ x: 900 }}
          pagination={{
            current: page,
            pageSize: 20,
            total: data?.total ?? 0,
            onChange: setPage,
            showTotal: (total) => t('legal.supervision.total', { total }),
          }}
          columns={[
            {
              title: t('legal.supervision.columns.enterprise'),
              key: 'enterprise',
              render: (_, i) => (
                <Space direction="vertical" size={0}>
                  <Link to={`/admin/legal/supervision/${i.id}`}>{i.enterprise.name}</Link>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {i.enterprise.creditCode}
                  </Typography.Text>
                </Space>
              ),
            },
            { title: t('legal.supervision.columns.org'), key: 'org', render: (_, i) => i.org.name },
            { title: t('legal.supervision.columns.inspectedOn'), dataIndex: 'inspectedOn', width: 110 },
            {
              title: t('legal.supervision.columns.nonCompliant'),
              key: 'nonCompliant',
              width: 130,
              render: (_, i) =>
                i.nonCompliant === 0
                  ? t('legal.supervision.none')
                  : i.outstanding > 0
                    ? t('legal.supervision.outstanding', { count: i.outstanding })
                    : t('legal.supervision.allRectified', { count: i.nonCompliant }),
            },
            {
              title: t('legal.supervision.columns.deadline'),
              key: 'deadline',
              width: 170,
              render: (_, i) => (
                <Space size={4}>
                  {i.rectificationDueOn ?? t('common.empty')}
                  {i.overdue && <Tag color="red">{t('legal.supervision.overdue')}</Tag>}
                </Space>
              ),
            },
            {
              title: t('legal.supervision.columns.status'),
              key: 'status',
              width: 90,
              render: (_, i) => (
                <Tag color={i.status === 'closed' ? 'green' : 'orange'}>
                  {t(`legal.supervision.statuses.${i.status}`)}
                </Tag>
              ),
            },
          ]}
        />
      </Card>
    </div>
  );
}
