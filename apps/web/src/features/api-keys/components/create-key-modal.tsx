import { ApiKeyGrantablePermissions, type CreateApiKeyBody, type CreatedApiKey } from '@unionhub/contracts';
import { Alert, Checkbox, DatePicker, Form, Input, Modal, TreeSelect } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { useMe } from '../../../lib/session';
import { useOrgTree } from '../../orgs/hooks/use-org-tree';
import { createApiKey } from '../api';

interface OrgOption {
  value: number;
  title: string;
  isLeaf: boolean;
  children?: OrgOption[];
}

interface FormValues {
  name: string;
  orgId: number;
  permissions: string[];
  expiresAt?: Dayjs;
}

/** The form for a new key; the org scope is picked from the caller's own subtree, loaded as it opens. */
export function CreateKeyModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (key: CreatedApiKey) => void;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const tree = useOrgTree(open ? (me.org?.id ?? null) : null);
  const [form] = Form.useForm<FormValues>();
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const held = new Set(me.permissions);
  const grantable = ApiKeyGrantablePermissions.filter((p) => held.has(p));

  const toNode = (id: number): OrgOption => {
    const org = tree.orgs.get(id)!;
    const children = tree.children.get(id);
    return {
      value: org.id,
      title: org.name,
      isLeaf: org.childCount === 0,
      ...(children ? { children: children.filter((c) => tree.orgs.has(c)).map(toNode) } : {}),
    };
  };

  const submit = async () => {
    const values = await form.validateFields();
    setSaving(true);
    setError(null);
    try {
      const created = await createApiKey({
        name: values.name.trim(),
        orgId: values.orgId,
        permissions: values.permissions as CreateApiKeyBody['permissions'],
        ...(values.expiresAt ? { expiresAt: values.expiresAt.endOf('day').toISOString() } : {}),
      });
      form.resetFields();
      onCreated(created);
    } catch (err) {
      setError(err);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('apiKeys.create')}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={saving}
      destroyOnHidden
      width={560}
    >
      <Form form={form} layout="vertical" initialValues={{ orgId: me.org?.id, permissions: ['org.read'] }}>
        <Form.Item
          name="name"
          label={t('apiKeys.name')}
          rules={[{ required: true, min: 2, max: 64, message: t('apiKeys.nameRequired') }]}
        >
          <Input placeholder={t('apiKeys.namePlaceholder')} maxLength={64} />
        </Form.Item>
        <Form.Item
          name="orgId"
          label={t('apiKeys.org')}
          extra={t('apiKeys.orgHint')}
          rules={[{ required: true }]}
        >
          <TreeSelect
            treeData={tree.root ? [toNode(tree.root.id)] : []}
            loadData={(node) => tree.loadChildren(Number(node.value))}
            treeDefaultExpandedKeys={me.org ? [me.org.id] : []}
          />
        </Form.Item>
        <Form.Item
          name="permissions"
          label={t('apiKeys.permissions')}
          rules={[{ required: true, type: 'array', min: 1, message: t('apiKeys.permissionsRequired') }]}
        >
          <Checkbox.Group
            options={grantable.map((p) => ({
              value: p,
              label: t(`apiKeys.permissionNames.${p.replace('.', '_')}`, { defaultValue: p }),
            }))}
          />
        </Form.Item>
        <Form.Item name="expiresAt" label={t('apiKeys.expiresAt')} extra={t('apiKeys.expiresNever')}>
          <DatePicker disabledDate={(d) => d.isBefore(new Date(), 'day')} />
        </Form.Item>
      </Form>
      {error ? <ErrorAlert error={error} /> : null}
      {grantable.length === 0 ? <Alert type="warning" title={t('errors.codes.FORBIDDEN')} /> : null}
    </Modal>
  );
}
