import { App, Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { adminApi } from '../../../lib/api';
import { changePassword } from '../api';

const MIN_LENGTH = 10;

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

export function ChangePasswordForm() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);

  const onFinish = async ({ currentPassword, newPassword }: Values) => {
    setSubmitting(true);
    setError(null);
    try {
      const pair = await changePassword({ currentPassword, newPassword });
      // The old refresh token was revoked with the other sessions; keep this one alive.
      adminApi.tokens.set(pair);
      form.resetFields();
      void message.success(t('profile.password.success'));
    } catch (caught) {
      setError(caught);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Card title={t('profile.password.title')}>
      <Form<Values> form={form} layout="vertical" onFinish={onFinish} className="uh-narrow-form">
        <Form.Item
          name="currentPassword"
          label={t('profile.password.current')}
          rules={[{ required: true, message: t('profile.password.currentRequired') }]}
        >
          <Input.Password autoComplete="current-password" maxLength={256} />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('profile.password.next')}
          extra={t('profile.password.nextHint')}
          rules={[
            { required: true, message: t('profile.password.nextRequired') },
            { min: MIN_LENGTH, message: t('profile.password.nextTooShort') },
          ]}
        >
          <Input.Password autoComplete="new-password" maxLength={256} />
        </Form.Item>
        <Form.Item
          name="confirmPassword"
          label={t('profile.password.confirm')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('profile.password.confirmRequired') },
            ({ getFieldValue }) => ({
              validator: (_, value: string | undefined) =>
                !value || value === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('profile.password.mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" maxLength={256} />
        </Form.Item>
        <ErrorAlert
          error={error}
          className="uh-form-error"
          messages={{ AUTH_INVALID_CREDENTIALS: t('profile.password.currentWrong') }}
        />
        <Button type="primary" htmlType="submit" loading={submitting}>
          {t('profile.password.submit')}
        </Button>
      </Form>
    </Card>
  );
}
