import type { MemberPii } from '@unionhub/contracts';
import { Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { readMemberPii } from '../api';

/** 查看完整信息: asks why first, because each full read is written to the audit log by name. */
export function PiiReasonModal({
  memberId,
  onClose,
  onRead,
}: {
  memberId: number | null;
  onClose: () => void;
  onRead: (pii: MemberPii) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const [error, setError] = useState<unknown>(null);
  const [reading, setReading] = useState(false);

  const submit = async () => {
    if (memberId === null) return;
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    const { reason } = values;
    setReading(true);
    try {
      onRead(await readMemberPii(memberId, reason.trim()));
    } catch (err) {
      setError(err);
    } finally {
      setReading(false);
    }
  };

  return (
    <Modal
      open={memberId !== null}
      title={t('members.pii.title')}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={reading}
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        <Form.Item
          name="reason"
          label={t('members.pii.prompt')}
          rules={[{ required: true, whitespace: true, min: 2, max: 200, message: t('members.pii.required') }]}
        >
          <Input.TextArea rows={3} maxLength={200} placeholder={t('members.pii.placeholder')} />
        </Form.Item>
      </Form>
      {error ? <ErrorAlert error={error} /> : null}
    </Modal>
  );
}
