import { AppstoreOutlined, PlusOutlined } from '@ant-design/icons';
import type { Service, ServiceStatus } from '@unionhub/contracts';
import { App, Button, Card, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { describeError } from '../../../lib/errors';
import { useMe } from '../../../lib/session';
import { changeServiceStatus, listServices } from '../api';
import { ServiceFormModal } from '../components/service-form-modal';

const statusColor: Record<ServiceStatus, string> = {
  draft: 'default',
  published: 'green',
  withdrawn: 'orange',
};

/** 服务事项: the union's service items (design, publish, withdraw) and the ones offered from above (replace). */
export function ServicesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const [tab, setTab] = useState<'own' | 'inherited'>('own');
  const [page, setPage] = useState(1);
  const [data, setData] = useState<{ items: Service[]; total: number } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);
  const [editing, setEditing] = useState<{ service: Service | null; overrides: Service | null } | null>(null);

  const load = useCallback(() => {
    setLoading(true);
    setError(null);
    listServices(tab === 'own' ? { orgId: me.org?.id, page, pageSize: 20 } : { inherited: true })
      .then(setData, setError)
      .finally(() => setLoading(false));
  }, [tab, page, me.org?.id]);
  useEffect(load, [load]);

  const setStatus = async (s: Service, action: 'publish' | 'withdraw') => {
    try {
      await changeServiceStatus(s.id, action);
      void message.success(t(action === 'publish' ? 'services.published' : 'services.withdrawn'));
      load();
    } catch (err) {
      void message.error(describeError(err, t).message);
    }
  };

  return (
    <div className="uh-page">
      <Typography.Title level={4} className="uh-page-title">
        <AppstoreOutlined /> {t('services.title')}
      </Typography.Title>
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(k) => {
            setTab(k as 'own' | 'inherited');
            setPage(1);
          }}
          items={[
            { key: 'own', label: t('services.tabs.own') },
            { key: 'inherited', label: t('services.tabs.inherited') },
          ]}
          tabBarExtraContent={
            tab === 'own' ? (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setEditing({ service: null, overrides: null })}
              >
                {t('services.add')}
              </Button>
            ) : null
          }
        />
        {error ? <ErrorAlert error={error} className="uh-block-alert" /> : null}
        <Table<Service>
          rowKey="id"
          loading={loading}
          dataSource={data?.items ?? []}
          pagination={
            tab === 'own'
              ? {
                  current: page,
                  pageSize: 20,
                  total: data?.total ?? 0,
                  onChange: setPage,
                  showSizeChanger: false,
                }
              : false
          }
          columns={[
            {
              title: t('services.name'),
              dataIndex: 'name',
              render: (name: string, s) => (
                <Space direction="vertical" size={0}>
                  <Typography.Text strong>{name}</Typography.Text>
                  <Typography.Text type="secondary">{s.summary}</Typography.Text>
                </Space>
              ),
            },
            {
              title: t('services.category'),
              dataIndex: 'category',
              width: 100,
              render: (c: string) => t(`hall.categories.${c}`),
            },
            {
              title: t('services.status'),
              dataIndex: 'status',
              width: 140,
              render: (st: ServiceStatus, s) => (
                <Space size={4} wrap>
                  <Tag color={statusColor[st]}>{t(`services.statuses.${st}`)}</Tag>
                  {s.overridesServiceId ? <Tag>{t('services.overrides')}</Tag> : null}
                </Space>
              ),
            },
            {
              title: t('services.promise'),
              key: 'promise',
              width: 170,
              render: (_, s) =>
                t('services.promiseDays', { accept: s.acceptWithinDays, complete: s.completeWithinDays }),
            },
            {
              title: t('services.handler'),
              dataIndex: 'handler',
              width: 140,
              render: (h: string) => t(`services.handlers.${h}`),
            },
            ...(tab === 'inherited'
              ? [{ title: t('services.publisher'), dataIndex: 'orgName', width: 160 }]
              : []),
            {
              title: t('services.actions'),
              key: 'actions',
              width: 170,
              render: (_, s) =>
                tab === 'inherited' ? (
                  <Button size="small" onClick={() => setEditing({ service: null, overrides: s })}>
                    {t('services.override')}
                  </Button>
                ) : (
                  <Space size={4}>
                    <Button size="small" onClick={() => setEditing({ service: s, overrides: null })}>
                      {t('services.edit')}
                    </Button>
                    {s.status === 'published' ? (
                      <Button size="small" onClick={() => void setStatus(s, 'withdraw')}>
                        {t('services.withdraw')}
                      </Button>
                    ) : (
                      <Button size="small" type="primary" onClick={() => void setStatus(s, 'publish')}>
                        {t('services.publish')}
                      </Button>
                    )}
                  </Space>
                ),
            },
          ]}
        />
      </Card>
      {editing && (
        <ServiceFormModal
          service={editing.service}
          overrides={editing.overrides}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void message.success(t('services.saved'));
            if (editing.overrides) setTab('own');
            load();
          }}
        />
      )}
    </div>
  );
}
