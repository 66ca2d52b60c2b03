import { PlusOutlined, TeamOutlined } from '@ant-design/icons';
import type { ConsultationField, LegalProvider } from '@unionhub/contracts';
import { ConsultationFields } from '@unionhub/contracts';
import { Button, Card, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { useMe } from '../../../lib/session';
import { listProviders } from '../api';
import { ProviderModal } from '../components/provider-modal';

interface Filters {
  q?: string;
  field?: ConsultationField;
  kind?: 'lawyer' | 'volunteer';
}

/** 律师与志愿者: the providers of the caller's unions; add (with a workspace sign-in), edit, deactivate. */
export function ProvidersPage() {
  const { t } = useTranslation();
  const me = useMe();
  const canManage = me.permissions.includes('legal.manage');
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState(1);
  const [data, setData] = useState<{ items: LegalProvider[]; total: number } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [editing, setEditing] = useState<LegalProvider | 'new' | null>(null);

  const load = useCallback(() => {
    setError(null);
    listProviders({
      ...(filters.q?.trim() ? { q: filters.q.trim() } : {}),
      ...(filters.field ? { field: filters.field } : {}),
      ...(filters.kind ? { kind: filters.kind } : {}),
      page,
      pageSize: 20,
    }).then(setData, setError);
  }, [filters, page]);
  useEffect(load, [load]);

  return (
    <div className="uh-page">
      <Typography.Title level={4} className="uh-page-title">
        <TeamOutlined /> {t('legalConsult.providers.title')}
      </Typography.Title>
      <Card>
        <div className="uh-table-toolbar">
          <Form<Filters>
            name="provider-filters"
            layout="inline"
            onFinish={(v) => {
              setFilters(v);
              setPage(1);
            }}
          >
            <Form.Item name="q">
              <Input
                allowClear
                placeholder={t('legalConsult.providers.searchPlaceholder')}
                style={{ width: 200 }}
              />
            </Form.Item>
            <Form.Item name="kind">
              <Select
                allowClear
                placeholder={t('legalConsult.providers.kind')}
                style={{ width: 130 }}
                options={(['lawyer', 'volunteer'] as const).map((k) => ({
                  value: k,
                  label: t(`legalConsult.kinds.${k}`),
                }))}
              />
            </Form.Item>
            <Form.Item name="field">
              <Select
                allowClear
                placeholder={t('legalConsult.allFields')}
                style={{ width: 150 }}
                options={ConsultationFields.map((f) => ({ value: f, label: t(`legalConsult.fields.${f}`) }))}
              />
            </Form.Item>
            <Form.Item>
              <Button htmlType="submit">{t('legalConsult.providers.search')}</Button>
            </Form.Item>
          </Form>
          {canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              {t('legalConsult.providers.add')}
            </Button>
          )}
        </div>
        {error ? <ErrorAlert error={error} /> : null}
        <Table<LegalProvider>
          rowKey="id"
          scroll={{ x: 1400 }}
          loading={!data && !error}
          dataSource={data?.items ?? []}
          pagination={{
            current: page,
            pageSize: 20,
            total: data?.total ?? 0,
            onChange: setPage,
            showTotal: (total) => t('legalConsult.providers.total', { total }),
          }}
          columns={[
            {
              title: t('legalConsult.providers.name'),
              dataIndex: 'name',
              width: 150,
              render: (name: string, p) => (
                <Space size={4}>
                  {name}
                  <Tag color={p.kind === 'lawyer' ? 'blue' : 'cyan'}>{t(`legalConsult.kinds.${p.kind}`)}</Tag>
                </Space>
              ),
            },
            {
              title: t('legalConsult.providers.firm'),
              dataIndex: 'firm',
              render: (f: string | null) => f ?? t('common.empty'),
            },
            {
              title: t('legalConsult.providers.licenceNo'),
              dataIndex: 'licenceNo',
              width: 170,
              render: (l: string | null) => l ?? t('common.empty'),
            },
            {
              title: t('legalConsult.providers.fields'),
              dataIndex: 'fields',
              width: 230,
              render: (fields: ConsultationField[]) =>
                fields.map((f) => <Tag key={f}>{t(`legalConsult.fields.${f}`)}</Tag>),
            },
            { title: t('legalConsult.providers.region'), dataIndex: 'regionName', width: 100 },
            { title: t('legalConsult.providers.phone'), dataIndex: 'phoneMasked', width: 120 },
            {
              title: t('legalConsult.providers.union'),
              key: 'org',
              width: 140,
              render: (_: unknown, p) => p.org.name,
            },
            {
              title: t('legalConsult.providers.account'),
              key: 'account',
              width: 130,
              render: (_: unknown, p) => p.account?.username ?? t('legalConsult.providers.noAccount'),
            },
            {
              title: t('legalConsult.providers.status'),
              dataIndex: 'status',
              width: 80,
              render: (s: 'active' | 'inactive') => (
                <Tag color={s === 'active' ? 'green' : 'default'}>
                  {t(`legalConsult.providers.statuses.${s}`)}
                </Tag>
              ),
            },
            ...(canManage
              ? [
                  {
                    title: '',
                    key: 'edit',
                    width: 70,
                    render: (_: unknown, p: LegalProvider) => (
                      <Button type="link" size="small" onClick={() => setEditing(p)}>
                        {t('legalConsult.providers.edit')}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <ProviderModal
        open={editing !== null}
        provider={editing === 'new' ? null : editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          load();
        }}
      />
    </div>
  );
}
