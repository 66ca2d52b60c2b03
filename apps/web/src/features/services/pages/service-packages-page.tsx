import { GiftOutlined, PlusOutlined } from '@ant-design/icons';
import type { MemberCategory, Service, ServicePackage, ServiceStatus } from '@unionhub/contracts';
import { MemberCategories } from '@unionhub/contracts';
import {
  App,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { describeError } from '../../../lib/errors';
import { useMe } from '../../../lib/session';
import { createPackage, listPackages, listServices, updatePackage } from '../api';

interface Values {
  name: string;
  description?: string;
  serviceIds: number[];
  categories?: MemberCategory[];
  joinedWithinDays?: number | null;
}

/** 服务套餐: published services bundled for a target group, shown first to its members. */
export function ServicePackagesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const [items, setItems] = useState<ServicePackage[] | null>(null);
  const [services, setServices] = useState<Service[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [editing, setEditing] = useState<ServicePackage | 'new' | null>(null);
  const [saveError, setSaveError] = useState<unknown>(null);
  const [form] = Form.useForm<Values>();

  const load = useCallback(() => {
    listPackages(me.org?.id).then((r) => setItems(r.items), setError);
  }, [me.org?.id]);
  useEffect(load, [load]);
  useEffect(() => {
    Promise.all([
      listServices({ status: 'published', pageSize: 100 }),
      listServices({ inherited: true }),
    ]).then(
      ([own, above]) => setServices([...own.items, ...above.items]),
      () => setServices([]),
    );
  }, []);

  const save = async (v: Values) => {
    const body = {
      name: v.name.trim(),
      description: v.description ?? '',
      serviceIds: v.serviceIds,
      target: {
        ...(v.categories?.length ? { categories: v.categories } : {}),
        ...(v.joinedWithinDays ? { joinedWithinDays: v.joinedWithinDays } : {}),
      },
    };
    setSaveError(null);
    try {
      if (editing === 'new') await createPackage({ ...body, orgId: me.org!.id });
      else if (editing) await updatePackage(editing.id, body);
      setEditing(null);
      void message.success(t('services.saved'));
      load();
    } catch (err) {
      setSaveError(err);
    }
  };

  const setStatus = async (p: ServicePackage, status: ServiceStatus) => {
    try {
      await updatePackage(p.id, { status });
      load();
    } catch (err) {
      void message.error(describeError(err, t).message);
    }
  };

  const name = (id: number) => services.find((s) => s.id === id)?.name ?? `#${id}`;

  return (
    <div className="uh-page">
      <Typography.Title level={4} className="uh-page-title">
        <GiftOutlined /> {t('services.packagesTitle')}
      </Typography.Title>
      <Card>
        <div className="uh-table-toolbar">
          <span />
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => {
              form.resetFields();
              setEditing('new');
            }}
          >
            {t('services.packageAdd')}
          </Button>
        </div>
        {error ? <ErrorAlert error={error} className="uh-block-alert" /> : null}
        <Table<ServicePackage>
          rowKey="id"
          loading={!items && !error}
          dataSource={items ?? []}
          pagination={false}
          columns={[
            {
              title: t('services.packageName'),
              dataIndex: 'name',
              render: (n: string, p) => (
                <Space direction="vertical" size={0}>
                  <Typography.Text strong>{n}</Typography.Text>
                  <Typography.Text type="secondary">{p.description}</Typography.Text>
                </Space>
              ),
            },
            {
              title: t('services.packageTarget'),
              key: 'target',
              render: (_, p) => (
                <Space size={4} wrap>
                  {(p.target.categories ?? []).map((c) => (
                    <Tag key={c}>{t(`members.categoryNames.${c}`)}</Tag>
                  ))}
                  {p.target.joinedWithinDays ? (
                    <Tag>{t('services.joinedWithin', { days: p.target.joinedWithinDays })}</Tag>
                  ) : null}
                  {!p.target.categories?.length && !p.target.joinedWithinDays ? t('services.everyone') : null}
                </Space>
              ),
            },
            {
              title: t('services.packageServices'),
              key: 'services',
              render: (_, p) => p.serviceIds.map(name).join('、'),
            },
            {
              title: t('services.status'),
              dataIndex: 'status',
              width: 90,
              render: (s: ServiceStatus) => (
                <Tag color={s === 'published' ? 'green' : 'default'}>{t(`services.statuses.${s}`)}</Tag>
              ),
            },
            {
              title: t('services.actions'),
              key: 'actions',
              width: 160,
              render: (_, p) => (
                <Space size={4}>
                  <Button
                    size="small"
                    onClick={() => {
                      form.setFieldsValue({
                        name: p.name,
                        description: p.description,
                        serviceIds: p.serviceIds,
                        categories: p.target.categories ?? [],
                        joinedWithinDays: p.target.joinedWithinDays ?? null,
                      });
                      setEditing(p);
                    }}
                  >
                    {t('services.edit')}
                  </Button>
                  {p.status === 'published' ? (
                    <Button size="small" onClick={() => void setStatus(p, 'withdrawn')}>
                      {t('services.withdraw')}
                    </Button>
                  ) : (
                    <Button size="small" type="primary" onClick={() => void setStatus(p, 'published')}>
                      {t('services.publish')}
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <Modal
        open={editing !== null}
        forceRender
        title={editing === 'new' ? t('services.packageAdd') : editing ? editing.name : ''}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
      >
        <Form<Values> form={form} name="package-form" layout="vertical" onFinish={save}>
          <Form.Item
            name="name"
            label={t('services.packageName')}
            rules={[{ required: true, min: 2, max: 40 }]}
          >
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item name="description" label={t('services.packageDescription')}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
          <Form.Item name="serviceIds" label={t('services.packageServices')} rules={[{ required: true }]}>
            <Select
              mode="multiple"
              options={services.map((s) => ({ value: s.id, label: `${s.name}（${s.orgName}）` }))}
            />
          </Form.Item>
          <Form.Item name="categories" label={t('services.targetCategories')}>
            <Select
              mode="multiple"
              options={MemberCategories.map((c) => ({ value: c, label: t(`members.categoryNames.${c}`) }))}
            />
          </Form.Item>
          <Form.Item name="joinedWithinDays" label={t('services.joinedWithinDays')}>
            <InputNumber min={1} max={3650} style={{ width: '100%' }} />
          </Form.Item>
          {saveError ? <ErrorAlert error={saveError} /> : null}
        </Form>
      </Modal>
    </div>
  );
}
