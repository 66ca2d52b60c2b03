import type { ReviewAction } from '@unionhub/contracts';
import { Form, Input, InputNumber, Modal } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

export interface ReviewValues {
  amountYuan?: number;
  comment?: string;
}

/** One review decision: approve with the amount (at most the request), or return/reject with a reason. */
export function ReviewModal({
  action,
  maxYuan,
  defaultYuan,
  busy,
  onCancel,
  onSubmit,
}: {
  action: ReviewAction | null;
  maxYuan: number;
  defaultYuan: number;
  busy: boolean;
  onCancel: () => void;
  onSubmit: (values: ReviewValues) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ReviewValues>();
  useEffect(() => {
    if (action) form.setFieldsValue({ amountYuan: defaultYuan, comment: '' });
  }, [action, defaultYuan, form]);
  const needsReason = action === 'return' || action === 'reject';
  return (
    <Modal
      open={action !== null}
      title={action ? t(`assistance.actions.${action}`) : ''}
      okText={action ? t(`assistance.actions.${action}`) : ''}
      okButtonProps={{ danger: action === 'reject', loading: busy }}
      onCancel={onCancel}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" name="review" onFinish={onSubmit}>
        {action === 'approve' ? (
          <Form.Item
            name="amountYuan"
            label={t('assistance.amountApproved')}
            extra={t('assistance.approvedAmountHint', { amount: maxYuan })}
            rules={[{ required: true }]}
          >
            <InputNumber min={0.01} max={maxYuan} precision={2} style={{ width: 200 }} addonAfter="元" />
          </Form.Item>
        ) : null}
        <Form.Item
          name="comment"
          label={t('assistance.comment')}
          rules={
            needsReason
              ? [{ required: true, whitespace: true, message: t('assistance.commentRequired') }]
              : []
          }
        >
          <Input.TextArea rows={3} maxLength={1000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
