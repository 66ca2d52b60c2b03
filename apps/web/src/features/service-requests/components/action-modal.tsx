import { UploadOutlined } from '@ant-design/icons';
import type { Attachment, StaffRequestAction } from '@unionhub/contracts';
import { Button, Form, Input, Modal, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { adminApi } from '../../../lib/api';
import { OrgSearchSelect } from '../../orgs/components/org-search-select';
import { uploadAttachment } from '../../service-hall/api';

/** Actions whose comment the API requires. */
export const COMMENT_REQUIRED: ReadonlySet<string> = new Set(['return', 'complete', 'reject', 'transfer']);

interface Values {
  comment?: string;
  toOrgId?: number;
}

/** One handling step: what was done (required where the API requires it), files, and for a transfer the union. */
export function ActionModal({
  action,
  onCancel,
  onSubmit,
}: {
  action: StaffRequestAction | null;
  onCancel: () => void;
  onSubmit: (body: { comment?: string; attachments?: { id: number }[]; toOrgId?: number }) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState<Attachment[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  if (!action) return null;
  const required = COMMENT_REQUIRED.has(action);

  const finish = async (values: Values) => {
    setSaving(true);
    setError(null);
    try {
      const comment = values.comment?.trim();
      await onSubmit({
        ...(comment ? { comment } : {}),
        ...(files.length ? { attachments: files.map((f) => ({ id: f.id })) } : {}),
        ...(values.toOrgId ? { toOrgId: values.toOrgId } : {}),
      });
      form.resetFields();
      setFiles([]);
    } catch (err) {
      setError(err);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={t(`hall.actions.${action}`)}
      okText={t(`hall.actions.${action}`)}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onCancel={onCancel}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form<Values> form={form} layout="vertical" name={`request-${action}`} onFinish={finish}>
        {action === 'transfer' && (
          <Form.Item
            name="toOrgId"
            label={t('requests.toOrg')}
            rules={[{ required: true, message: t('requests.toOrgRequired') }]}
          >
            <OrgSearchSelect />
          </Form.Item>
        )}
        <Form.Item
          name="comment"
          label={t('requests.comment')}
          rules={
            required ? [{ required: true, whitespace: true, message: t('requests.commentRequired') }] : []
          }
        >
          <Input.TextArea
            rows={4}
            maxLength={2000}
            showCount
            placeholder={t(`requests.commentPlaceholders.${action}`)}
          />
        </Form.Item>
        <Form.Item label={t('requests.attachFiles')}>
          <Upload
            multiple
            customRequest={({ file, onSuccess, onError }) => {
              uploadAttachment(file as File, adminApi).then(
                (a) => {
                  setFiles((list) => [...list, a]);
                  onSuccess?.(a);
                },
                (err) => {
                  setError(err);
                  onError?.(err as Error);
                },
              );
            }}
            onRemove={(f) =>
              setFiles((list) => list.filter((a) => a.id !== (f.response as Attachment | undefined)?.id))
            }
          >
            <Button icon={<UploadOutlined />}>{t('hall.upload')}</Button>
          </Upload>
        </Form.Item>
        {error ? <ErrorAlert error={error} /> : null}
      </Form>
    </Modal>
  );
}
