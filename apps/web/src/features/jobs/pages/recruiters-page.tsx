import { PlusOutlined } from '@ant-design/icons';
import type { Recruiter } from '@unionhub/contracts';
import { App, Button, Card, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { formatDateTime, useLanguage } from '../../../lib/i18n';
import { createRecruiter, listRecruiters, searchEnterprises } from '../api';

interface FormValues {
  enterpriseId: number;
  username: string;
  displayName: string;
  password: string;
}

/** 企业招聘账号: staff open an account for an enterprise of their unions; it posts that enterprise's jobs. */
export function RecruitersPage() {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const { message } = App.useApp();
  const [items, setItems] = useState<Recruiter[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [open, setOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<unknown>(null);
  const [options, setOptions] = useState<{ value: number; label: string }[]>([]);
  const [form] = Form.useForm<FormValues>();

  const load = useCallback(() => {
    listRecruiters().then((r) => setItems(r.items), setError);
  }, []);
  useEffect(load, [load]);

  const find = (q: string) => {
    if (!q.trim()) return;
    searchEnterprises(q.trim()).then(
      (r) => setOptions(r.items.map((e) => ({ value: e.id, label: `${e.name}（${e.creditCode}）` }))),
      () => setOptions([]),
    );
  };

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setSaving(true);
    setSaveError(null);
    try {
      await createRecruiter(v);
      setOpen(false);
      form.resetFields();
      void message.success(t('jobs.recruiterCreated'));
      load();
    } catch (err) {
      setSaveError(err);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Space orientation="vertical" size="large" className="uh-page">
      <Card
        title={t('jobs.recruiters')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
            {t('jobs.newRecruiter')}
          </Button>
        }
      >
        {error ? <ErrorAlert error={error} /> : null}
        <Table<Recruiter>
          rowKey="id"
          loading={!items && !error}
          dataSource={items ?? []}
          pagination={false}
          columns={[
            { title: t('jobs.enterprise'), dataIndex: 'enterpriseName' },
            { title: t('jobs.username'), dataIndex: 'username' },
            { title: t('jobs.displayName'), dataIndex: 'displayName' },
            {
              title: t('jobs.status'),
              dataIndex: 'disabled',
              render: (d: boolean) =>
                d ? <Tag>{t('jobs.disabled')}</Tag> : <Tag color="green">{t('jobs.active')}</Tag>,
            },
            {
              title: t('jobs.createdAt'),
              dataIndex: 'createdAt',
              render: (v: string) => formatDateTime(v, language),
            },
          ]}
        />
      </Card>
      <Modal
        open={open}
        title={t('jobs.newRecruiter')}
        onOk={submit}
        onCancel={() => setOpen(false)}
        okText={t('common.save')}
        confirmLoading={saving}
        destroyOnHidden
      >
        {saveError ? <ErrorAlert error={saveError} /> : null}
        <Form form={form} layout="vertical" name="recruiter">
          <Form.Item name="enterpriseId" label={t('jobs.enterprise')} rules={[{ required: true }]}>
            <Select
              showSearch={{ filterOption: false, onSearch: find }}
              placeholder={t('jobs.pickEnterprise')}
              options={options}
            />
          </Form.Item>
          <Form.Item
            name="username"
            label={t('jobs.username')}
            rules={[{ required: true, pattern: /^[A-Za-z0-9_.-]{3,40}$/ }]}
          >
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item name="displayName" label={t('jobs.displayName')} rules={[{ required: true, max: 40 }]}>
            <Input placeholder="例如：某某公司人力资源部" />
          </Form.Item>
          <Form.Item name="password" label={t('jobs.password')} rules={[{ required: true, min: 10 }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
