import type { Org } from '@unionhub/contracts';
import { Alert, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { isApiError } from '../../../lib/api';
import { dissolveOrg, moveOrg } from '../api';
import { OrgSearchSelect } from './org-search-select';

/** 移动: a new parent chosen by search; the union itself and unions at or below its level are not offered. */
export function MoveOrgModal({
  org,
  onClose,
  onMoved,
}: {
  org: Org | null;
  onClose: () => void;
  onMoved: (org: Org, oldParentId: number | null) => void;
}) {
  const { t } = useTranslation();
  const [parentId, setParentId] = useState<number | undefined>();
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  if (!org) return null;
  const rank = (l: Org['level']) =>
    ['national', 'province', 'city', 'county', 'township', 'grassroots'].indexOf(l);

  const submit = async () => {
    if (!parentId) return;
    setSaving(true);
    try {
      onMoved(await moveOrg(org.id, parentId), org.parentId);
    } catch (err) {
      setError(err);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={t('orgs.moveTitle', { name: org.name })}
      onOk={submit}
      onCancel={onClose}
      okButtonProps={{ disabled: !parentId }}
      confirmLoading={saving}
      destroyOnHidden
    >
      <Form layout="vertical">
        <Form.Item label={t('orgs.newParent')} extra={t('orgs.moveHint')}>
          <OrgSearchSelect
            value={parentId}
            onChange={setParentId}
            exclude={(hit) =>
              hit.id === org.id ||
              hit.id === org.parentId ||
              hit.ancestors.some((a) => a.id === org.id) ||
              rank(hit.level) >= rank(org.level)
            }
          />
        </Form.Item>
      </Form>
      {error ? <ErrorAlert error={error} /> : null}
    </Modal>
  );
}

const heldKeys = ['childOrgs', 'staffUsers', 'enterprises', 'members'] as const;

/** 撤销 with a reason; when the union still holds anything, says what and how many. */
export function DissolveOrgModal({
  org,
  onClose,
  onDissolved,
}: {
  org: Org | null;
  onClose: () => void;
  onDissolved: (org: Org) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  if (!org) return null;

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    const { reason } = values;
    setSaving(true);
    setError(null);
    try {
      onDissolved(await dissolveOrg(org.id, { reason: reason.trim() }));
    } catch (err) {
      setError(err);
    } finally {
      setSaving(false);
    }
  };

  const remaining = isApiError(error, 'ORG_NOT_EMPTY')
    ? heldKeys.flatMap((key) => {
        const n = error.meta[key];
        return typeof n === 'number' && n > 0 ? [t(`orgs.remaining.${key}`, { count: n })] : [];
      })
    : [];

  return (
    <Modal
      open
      title={t('orgs.dissolveTitle', { name: org.name })}
      onOk={submit}
      onCancel={onClose}
      okText={t('orgs.dissolve')}
      okButtonProps={{ danger: true }}
      confirmLoading={saving}
      destroyOnHidden
    >
      <Alert type="warning" showIcon title={t('orgs.dissolveWarning')} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical">
        <Form.Item
          name="reason"
          label={t('orgs.dissolveReason')}
          rules={[{ required: true, min: 2, max: 500, whitespace: true, message: t('orgs.reasonRule') }]}
        >
          <Input.TextArea rows={3} maxLength={500} placeholder={t('orgs.dissolveReasonPlaceholder')} />
        </Form.Item>
      </Form>
      {remaining.length > 0 ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={t('orgs.notEmptyTitle')}
          description={
            <ul className="uh-error-details">
              {remaining.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          }
        />
      ) : error ? (
        <ErrorAlert error={error} />
      ) : null}
    </Modal>
  );
}
