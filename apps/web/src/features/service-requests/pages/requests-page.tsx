import { CheckOutlined, InboxOutlined } from '@ant-design/icons';
import type { RequestState, Service, ServiceRequestSummary } from '@unionhub/contracts';
import { RequestStates } from '@unionhub/contracts';
import { App, Button, Card, Checkbox, Form, Input, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { adminApi } from '../../../lib/api';
import { describeError } from '../../../lib/errors';
import { useMe } from '../../../lib/session';
import { STATE_COLORS } from '../../service-hall/request-steps';
import { bulkAccept, listRequests } from '../api';
import { DeadlineCell } from '../components/deadline-cell';

type Tab = 'own' | 'subtree' | 'escalated' | 'all';

interface Filters {
  state?: RequestState;
  overdue?: boolean;
  serviceId?: number;
  assignedToMe?: boolean;
  q?: string;
}

const antColor = (state: RequestState) =>
  ({ primary: 'blue', warning: 'orange', danger: 'red', success: 'green', default: 'default' })[
    STATE_COLORS[state]
  ] ?? 'default';

/** 服务工单: the union's queues by deadline, filters, bulk acceptance. */
export function RequestsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const tab = (params.get('tab') as Tab | null) ?? 'own';
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState(1);
  const [data, setData] = useState<{ items: ServiceRequestSummary[]; total: number } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);
  const [selected, setSelected] = useState<number[]>([]);
  const [services, setServices] = useState<Service[]>([]);
  const canHandle = me.permissions.includes('request.handle');

  useEffect(() => {
    adminApi
      .get<{ items: Service[] }>('/services', { query: { pageSize: 100 } })
      .then((r) => setServices(r.items))
      .catch(() => setServices([]));
  }, []);

  const load = useCallback(() => {
    setLoading(true);
    setError(null);
    const q = filters.q?.trim();
    listRequests({
      queue: tab === 'all' ? 'own' : tab,
      ...(tab === 'own' && !filters.state ? { open: true } : {}),
      ...(filters.state ? { state: filters.state } : {}),
      ...(filters.overdue ? { overdue: true } : {}),
      ...(filters.serviceId ? { serviceId: filters.serviceId } : {}),
      ...(filters.assignedToMe ? { assignedToMe: true } : {}),
      ...(q ? { q } : {}),
      sort: 'deadline',
      page,
      pageSize: 20,
    })
      .then(setData, setError)
      .finally(() => setLoading(false));
  }, [tab, filters, page]);
  useEffect(load, [load]);

  const accept = async () => {
    try {
      const result = await bulkAccept(selected);
      const text =
        t('requests.bulkAccepted', { accepted: result.accepted.length }) +
        (result.failed.length ? t('requests.bulkFailed', { failed: result.failed.length }) : '');
      if (result.failed.length) void message.warning(text);
      else void message.success(text);
      setSelected([]);
      load();
    } catch (err) {
      void message.error(describeError(err, t).message);
    }
  };

  const selectable = canHandle && (tab === 'own' || tab === 'all');

  return (
    <div className="uh-page">
      <Typography.Title level={4} className="uh-page-title">
        <InboxOutlined /> {t('requests.title')}
      </Typography.Title>
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => {
            setParams({ tab: key });
            setPage(1);
            setSelected([]);
          }}
          items={(['own', 'subtree', 'escalated', 'all'] as const).map((k) => ({
            key: k,
            label: t(`requests.tabs.${k}`),
          }))}
        />
        <Form<Filters>
          name="request-filters"
          layout="inline"
          className="uh-filters"
          onFinish={(v) => {
            setFilters(v);
            setPage(1);
          }}
        >
          <Form.Item name="state">
            <Select
              allowClear
              placeholder={t('requests.allStates')}
              style={{ width: 130 }}
              options={RequestStates.map((s) => ({ value: s, label: t(`hall.states.${s}`) }))}
            />
          </Form.Item>
          <Form.Item name="serviceId">
            <Select
              allowClear
              placeholder={t('requests.allServices')}
              style={{ width: 200 }}
              options={services.map((s) => ({ value: s.id, label: s.name }))}
            />
          </Form.Item>
          <Form.Item name="q">
            <Input allowClear placeholder={t('requests.searchPlaceholder')} style={{ width: 220 }} />
          </Form.Item>
          <Form.Item name="overdue" valuePropName="checked">
            <Checkbox>{t('requests.overdueOnly')}</Checkbox>
          </Form.Item>
          <Form.Item name="assignedToMe" valuePropName="checked">
            <Checkbox>{t('requests.mineOnly')}</Checkbox>
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit">
              {t('requests.search')}
            </Button>
          </Form.Item>
        </Form>
        <div className="uh-table-toolbar">
          <Typography.Text type="secondary">
            {t('requests.total', { total: data?.total ?? 0 })}
          </Typography.Text>
          {selectable ? (
            <Button type="primary" icon={<CheckOutlined />} disabled={selected.length === 0} onClick={accept}>
              {t('requests.bulkAccept')}
              {selected.length ? ` (${selected.length})` : ''}
            </Button>
          ) : null}
        </div>
        {error ? <ErrorAlert error={error} className="uh-block-alert" /> : null}
        <Table<ServiceRequestSummary>
          rowKey="id"
          loading={loading}
          dataSource={data?.items ?? []}
          rowSelection={
            selectable
              ? {
                  selectedRowKeys: selected,
                  onChange: (keys) => setSelected(keys as number[]),
                  getCheckboxProps: (r) => ({ disabled: r.state !== 'submitted' || r.org.id !== me.org?.id }),
                }
              : undefined
          }
          pagination={{
            current: page,
            pageSize: 20,
            total: data?.total ?? 0,
            showSizeChanger: false,
            onChange: setPage,
          }}
          columns={[
            {
              title: t('requests.no'),
              dataIndex: 'id',
              width: 80,
              render: (id: number) => <Link to={`/admin/requests/${id}`}>{id}</Link>,
            },
            {
              title: t('requests.service'),
              dataIndex: 'serviceName',
              render: (name: string, r) => <Link to={`/admin/requests/${r.id}`}>{name}</Link>,
            },
            { title: t('requests.applicant'), dataIndex: 'memberName', width: 100 },
            {
              title: t('requests.state'),
              dataIndex: 'state',
              width: 150,
              render: (state: RequestState, r) => (
                <Space size={4} wrap>
                  <Tag color={antColor(state)}>{t(`hall.states.${state}`)}</Tag>
                  {r.escalatedTo ? <Tag color="volcano">{t('hall.actions.escalate')}</Tag> : null}
                </Space>
              ),
            },
            {
              title: t('requests.deadline'),
              key: 'deadline',
              width: 200,
              render: (_, r) => <DeadlineCell request={r} />,
            },
            ...(tab === 'own'
              ? []
              : [
                  {
                    title: t('requests.union'),
                    key: 'org',
                    render: (_: unknown, r: ServiceRequestSummary) => r.org.name,
                  },
                ]),
            {
              title: t('requests.assignee'),
              key: 'assignee',
              width: 110,
              render: (_, r) =>
                r.assignee?.name ?? (
                  <Typography.Text type="secondary">{t('requests.unassigned')}</Typography.Text>
                ),
            },
            {
              title: t('requests.submittedAt'),
              dataIndex: 'submittedAt',
              width: 110,
              render: (v: string) => new Date(v).toLocaleDateString('zh-CN'),
            },
          ]}
        />
      </Card>
    </div>
  );
}
