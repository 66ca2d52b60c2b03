import { SafetyCertificateOutlined } from '@ant-design/icons';
import type { TotpSetup } from '@unionhub/contracts';
import { App, Button, Card, Flex, Form, Input, QRCode, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { useMe, useSession } from '../../../lib/session';
import { confirmTotp, disableTotp, startTotpSetup } from '../api';

/** Base32 secrets are typed by hand on some phones; groups of four are easier to copy. */
function groupSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}

export function TotpCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const session = useSession();
  const [setup, setSetup] = useState<TotpSetup | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const start = () => run(async () => setSetup(await startTotpSetup()));

  const confirm = ({ code }: { code: string }) =>
    run(async () => {
      await confirmTotp(code);
      setSetup(null);
      await session.reload();
      void message.success(t('profile.totp.enabledSuccess'));
    });

  const disable = ({ password }: { password: string }) =>
    run(async () => {
      await disableTotp(password);
      await session.reload();
      void message.success(t('profile.totp.disabledSuccess'));
    });

  const status = me.user.totpEnabled ? (
    <Tag color="green">{t('profile.totp.enabled')}</Tag>
  ) : (
    <Tag>{t('profile.totp.disabled')}</Tag>
  );

  return (
    <Card
      title={
        <Space>
          <SafetyCertificateOutlined />
          {t('profile.totp.title')}
          {status}
        </Space>
      }
    >
      {me.user.totpEnabled ? (
        <Form<{ password: string }> layout="vertical" onFinish={disable} className="uh-narrow-form">
          <Typography.Paragraph type="secondary">{t('profile.totp.disableText')}</Typography.Paragraph>
          <Form.Item
            name="password"
            label={t('profile.password.current')}
            rules={[{ required: true, message: t('profile.password.currentRequired') }]}
          >
            <Input.Password autoComplete="current-password" maxLength={256} />
          </Form.Item>
          <ErrorAlert
            error={error}
            className="uh-form-error"
            messages={{ AUTH_INVALID_CREDENTIALS: t('profile.password.currentWrong') }}
          />
          <Button danger htmlType="submit" loading={busy}>
            {t('profile.totp.disableSubmit')}
          </Button>
        </Form>
      ) : setup ? (
        <div className="uh-totp-setup">
          <Typography.Paragraph>{t('profile.totp.step1')}</Typography.Paragraph>
          <Flex gap={24} wrap align="flex-start">
            <QRCode value={setup.otpauthUrl} size={176} bordered />
            <div className="uh-totp-secret">
              <Typography.Text type="secondary">{t('profile.totp.secret')}</Typography.Text>
              <Typography.Paragraph copyable={{ text: setup.secret }} className="uh-totp-secret-value">
                {groupSecret(setup.secret)}
              </Typography.Paragraph>
              <Typography.Text type="secondary">{t('profile.totp.url')}</Typography.Text>
              <Typography.Paragraph copyable className="uh-totp-url">
                {setup.otpauthUrl}
              </Typography.Paragraph>
            </div>
          </Flex>
          <Typography.Paragraph>{t('profile.totp.step2')}</Typography.Paragraph>
          <Form<{ code: string }> layout="inline" onFinish={confirm}>
            <Form.Item
              name="code"
              normalize={(value: string) => value.replace(/\D/g, '').slice(0, 6)}
              rules={[{ required: true, pattern: /^\d{6}$/, message: t('profile.totp.codeRequired') }]}
            >
              <Input
                placeholder={t('profile.totp.code')}
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={6}
                className="uh-totp-code"
              />
            </Form.Item>
            <Form.Item>
              <Space>
                <Button type="primary" htmlType="submit" loading={busy}>
                  {t('profile.totp.confirm')}
                </Button>
                <Button onClick={() => setSetup(null)}>{t('common.cancel')}</Button>
              </Space>
            </Form.Item>
          </Form>
          <ErrorAlert error={error} className="uh-form-error" />
        </div>
      ) : (
        <>
          <Typography.Paragraph type="secondary">{t('profile.totp.intro')}</Typography.Paragraph>
          <ErrorAlert error={error} className="uh-form-error" />
          <Button type="primary" onClick={start} loading={busy}>
            {t('profile.totp.start')}
          </Button>
        </>
      )}
    </Card>
  );
}
