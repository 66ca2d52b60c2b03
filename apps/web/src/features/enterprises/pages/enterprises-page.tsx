import { BankOutlined, PlusOutlined } from '@ant-design/icons';
import type { Enterprise } from '@unionhub/contracts';
import { App, Button, Card, Descriptions, Drawer, Form, Input, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { useMe } from '../../../lib/session';
import { industryLabel, useIndustries } from '../../reference/components/industry-select';
import { useRegionName } from '../../reference/components/region-picker';
import { listEnterprises } from '../api';
import { EnterpriseFormModal } from '../components/enterprise-form-modal';

interface Filters {
  q?: string;
  creditCode?: string;
}

/** 企业管理: employers registered in the caller's subtree, and which union covers each. */
export function EnterprisesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const industries = useIndustries();
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState(1);
  const [data, setData] = useState<{ items: Enterprise[]; total: number } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);
  const [adding, setAdding] = useState(false);
  const [open, setOpen] = useState<Enterprise | null>(null);

  const load = useCallback(() => {
    setLoading(true);
    setError(null);
    const q = filters.q?.trim();
    const creditCode = filters.creditCode?.replace(/\s+/g, '').toUpperCase();
    listEnterprises({ page, pageSize: 20, ...(q ? { q } : {}), ...(creditCode ? { creditCode } : {}) })
      .then(setData, setError)
      .finally(() => setLoading(false));
  }, [filters, page]);
  useEffect(load, [load]);

  return (
    <div className="uh-page">
      <Typography.Title level={4} className="uh-page-title">
        <BankOutlined /> {t('enterprises.title')}
      </Typography.Title>
      <Card>
        <Form<Filters>
          name="enterprise-filters"
          layout="inline"
          className="uh-filters"
          onFinish={(v) => {
            setFilters(v);
            setPage(1);
          }}
        >
          <Form.Item name="q">
            <Input allowClear placeholder={t('enterprises.keyword')} style={{ width: 220 }} />
          </Form.Item>
          <Form.Item name="creditCode">
            <Input allowClear placeholder={t('enterprises.creditCodeSearch')} style={{ width: 220 }} />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit">
              {t('enterprises.search')}
            </Button>
          </Form.Item>
        </Form>
        <div className="uh-table-toolbar">
          <Typography.Text type="secondary">
            {t('enterprises.total', { total: data?.total ?? 0 })}
          </Typography.Text>
          {me.permissions.includes('enterprise.write') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
              {t('enterprises.add')}
            </Button>
          ) : null}
        </div>
        {error ? <ErrorAlert error={error} className="uh-block-alert" /> : null}
        <Table<Enterprise>
          rowKey="id"
          size="middle"
          loading={loading}
          dataSource={data?.items ?? []}
          scroll={{ x: 1000 }}
          locale={{ emptyText: t('enterprises.empty') }}
          onRow={(e) => ({ onClick: () => setOpen(e), className: 'uh-clickable-row' })}
          pagination={{
            current: page,
            pageSize: 20,
            total: data?.total ?? 0,
            onChange: setPage,
            showSizeChanger: false,
          }}
          columns={[
            {
              title: t('enterprises.name'),
              dataIndex: 'name',
              render: (v: string) => <Typography.Link>{v}</Typography.Link>,
            },
            { title: t('enterprises.creditCode'), dataIndex: 'creditCode', width: 190 },
            {
              title: t('enterprises.industry'),
              dataIndex: 'industryCode',
              ellipsis: true,
              render: (v: string) => industryLabel(industries, v),
            },
            {
              title: t('enterprises.employees'),
              dataIndex: 'employeeCount',
              width: 90,
              render: (v: number | null) => v ?? t('common.empty'),
            },
            {
              title: t('enterprises.coveringUnion'),
              dataIndex: 'orgName',
              ellipsis: true,
              render: (v: string | null) => v ?? <Tag>{t('enterprises.noUnion')}</Tag>,
            },
            {
              title: t('enterprises.status'),
              dataIndex: 'status',
              width: 80,
              render: (s: Enterprise['status']) => (
                <Tag color={s === 'active' ? 'green' : 'default'}>{t(`enterprises.statuses.${s}`)}</Tag>
              ),
            },
          ]}
        />
      </Card>
      <EnterpriseFormModal
        open={adding}
        onClose={() => setAdding(false)}
        onSaved={(e) => {
          setAdding(false);
          void message.success(t('enterprises.created', { name: e.name }));
          load();
        }}
      />
      <Drawer
        open={open !== null}
        onClose={() => setOpen(null)}
        title={t('enterprises.detailTitle')}
        size={560}
      >
        {open ? (
          <EnterpriseDetail enterprise={open} industry={industryLabel(industries, open.industryCode)} />
        ) : null}
      </Drawer>
    </div>
  );
}

function EnterpriseDetail({ enterprise: e, industry }: { enterprise: Enterprise; industry: string | null }) {
  const { t } = useTranslation();
  const region = useRegionName(e.regionCode);
  const empty = t('common.empty');
  return (
    <Descriptions bordered column={1} size="small">
      <Descriptions.Item label={t('enterprises.name')}>{e.name}</Descriptions.Item>
      <Descriptions.Item label={t('enterprises.creditCode')}>{e.creditCode}</Descriptions.Item>
      <Descriptions.Item label={t('enterprises.region')}>
        {region ? `${region}（${e.regionCode}）` : e.regionCode}
      </Descriptions.Item>
      <Descriptions.Item label={t('enterprises.industry')}>{industry ?? empty}</Descriptions.Item>
      <Descriptions.Item label={t('enterprises.size')}>
        {e.size ? t(`enterprises.sizes.${e.size}`) : empty}
      </Descriptions.Item>
      <Descriptions.Item label={t('enterprises.employees')}>{e.employeeCount ?? empty}</Descriptions.Item>
      <Descriptions.Item label={t('enterprises.address')}>{e.address ?? empty}</Descriptions.Item>
      <Descriptions.Item label={t('enterprises.coveringUnion')}>
        {e.orgName ?? <Tag>{t('enterprises.noUnion')}</Tag>}
      </Descriptions.Item>
      <Descriptions.Item label={t('enterprises.owner')}>{e.ownerOrgName}</Descriptions.Item>
      <Descriptions.Item label={t('enterprises.status')}>
        {t(`enterprises.statuses.${e.status}`)}
      </Descriptions.Item>
    </Descriptions>
  );
}
