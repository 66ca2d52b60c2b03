import { Form, Input, Modal } from 'antd';
import { type ReactNode, useState } from 'react';
import { ErrorAlert } from './error-alert';

/**
 * A modal that asks why before doing something (不予接收, 驳回, 查看完整信息, 发起转接, 变更状态):
 * a required reason of 2–200 characters, then the confirm button. `children` are further form items
 * above the reason; `onSubmit` gets every value with the reason trimmed, and an error it throws is
 * shown in the modal, which stays open.
 */
export function ReasonModal<V extends { reason: string } = { reason: string }>({
  open,
  title,
  okText,
  danger = false,
  label,
  required,
  placeholder,
  showCount = false,
  notice,
  children,
  onSubmit,
  onClose,
}: {
  open: boolean;
  title: ReactNode;
  okText?: string;
  danger?: boolean;
  /** The reason field's label, in the feature's own words. */
  label: string;
  /** Shown when the reason is missing, blank, shorter than 2 or longer than 200 characters. */
  required: string;
  placeholder?: string;
  showCount?: boolean;
  /** Shown above the form (an explanation of what happens next). */
  notice?: ReactNode;
  children?: ReactNode;
  onSubmit: (values: V) => Promise<void>;
  onClose: () => void;
}) {
  const [form] = Form.useForm<V>();
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setSaving(true);
    setError(null);
    try {
      await onSubmit({ ...values, reason: values.reason.trim() });
    } catch (err) {
      setError(err);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={title}
      onOk={submit}
      okText={okText}
      okButtonProps={danger ? { danger: true } : undefined}
      onCancel={onClose}
      confirmLoading={saving}
      destroyOnHidden
    >
      {notice}
      <Form form={form} layout="vertical">
        {children}
        <Form.Item
          name="reason"
          label={label}
          rules={[{ required: true, whitespace: true, min: 2, max: 200, message: required }]}
        >
          <Input.TextArea rows={3} maxLength={200} showCount={showCount} placeholder={placeholder} />
        </Form.Item>
      </Form>
      {error ? <ErrorAlert error={error} /> : null}
    </Modal>
  );
}
