import { ApiOutlined, CopyOutlined, PlusOutlined } from '@ant-design/icons';
import type { ApiKey, CreatedApiKey } from '@unionhub/contracts';
import { Alert, App, Button, Card, Modal, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { listApiKeys, revokeApiKey } from '../api';
import { CreateKeyModal } from '../components/create-key-modal';

const statusColors: Record<ApiKey['status'], string> = {
  active: 'green',
  expired: 'default',
  revoked: 'red',
};

function formatTime(value: string | null, fallback: string): string {
  return value ? new Date(value).toLocaleString() : fallback;
}

/** 开放接口: the keys external terminals use, created here and shown once. */
export function ApiKeysPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const [keys, setKeys] = useState<ApiKey[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedApiKey | null>(null);

  const load = useCallback(() => {
    setError(null);
    listApiKeys().then(setKeys, setError);
  }, []);
  useEffect(load, [load]);

  const confirmRevoke = (key: ApiKey) =>
    modal.confirm({
      title: t('apiKeys.revoke'),
      content: t('apiKeys.revokeConfirm', { name: key.name }),
      okButtonProps: { danger: true },
      onOk: async () => {
        try {
          await revokeApiKey(key.id);
          void message.success(t('apiKeys.revoked'));
          load();
        } catch (err) {
          setError(err);
        }
      },
    });

  return (
    <div className="uh-page">
      <Typography.Title level={4} className="uh-page-title">
        <ApiOutlined /> {t('apiKeys.title')}
      </Typography.Title>
      <Card
        extra={
          <Space>
            <Button href="/api/docs" target="_blank">
              {t('apiKeys.docs')}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('apiKeys.create')}
            </Button>
          </Space>
        }
      >
        <Typography.Paragraph type="secondary">{t('apiKeys.intro')}</Typography.Paragraph>
        {error ? <ErrorAlert error={error} /> : null}
        <Table<ApiKey>
          rowKey="id"
          loading={keys === null && !error}
          dataSource={keys ?? []}
          pagination={false}
          scroll={{ x: 900 }}
          locale={{ emptyText: t('apiKeys.empty') }}
          columns={[
            { title: t('apiKeys.name'), dataIndex: 'name' },
            { title: t('apiKeys.org'), dataIndex: 'orgName' },
            {
              title: t('apiKeys.permissions'),
              dataIndex: 'permissions',
              render: (permissions: string[]) =>
                permissions.map((p) => (
                  <Tag key={p}>
                    {t(`apiKeys.permissionNames.${p.replace('.', '_')}`, { defaultValue: p })}
                  </Tag>
                )),
            },
            {
              title: t('apiKeys.prefix'),
              dataIndex: 'prefix',
              render: (v: string) => <Typography.Text code>{v}</Typography.Text>,
            },
            {
              title: t('apiKeys.lastUsedAt'),
              dataIndex: 'lastUsedAt',
              render: (v: string | null) => formatTime(v, t('apiKeys.neverUsed')),
            },
            {
              title: t('apiKeys.expiresAt'),
              dataIndex: 'expiresAt',
              render: (v: string | null) => formatTime(v, '—'),
            },
            {
              title: t('apiKeys.status'),
              dataIndex: 'status',
              render: (s: ApiKey['status']) => (
                <Tag color={statusColors[s]}>{t(`apiKeys.statuses.${s}`)}</Tag>
              ),
            },
            {
              title: t('apiKeys.actions'),
              key: 'actions',
              render: (_: unknown, key: ApiKey) =>
                key.status === 'active' ? (
                  <Button danger size="small" onClick={() => confirmRevoke(key)}>
                    {t('apiKeys.revoke')}
                  </Button>
                ) : null,
            },
          ]}
        />
      </Card>
      <CreateKeyModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(key) => {
          setCreating(false);
          setCreated(key);
          load();
        }}
      />
      <Modal
        open={created !== null}
        title={t('apiKeys.createdTitle')}
        onCancel={() => setCreated(null)}
        footer={
          <Button type="primary" onClick={() => setCreated(null)}>
            {t('common.confirm')}
          </Button>
        }
      >
        <Alert type="warning" showIcon title={t('apiKeys.createdWarning')} style={{ marginBottom: 16 }} />
        <Typography.Paragraph
          code
          copyable={{
            text: created?.key ?? '',
            icon: <CopyOutlined />,
            tooltips: [t('apiKeys.copy'), t('apiKeys.copied')],
          }}
          style={{ wordBreak: 'break-all' }}
          data-testid="created-api-key"
        >
          {created?.key}
        </Typography.Paragraph>
      </Modal>
    </div>
  );
}
