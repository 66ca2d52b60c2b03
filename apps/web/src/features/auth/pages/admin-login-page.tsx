import { LockOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { LanguageSwitch } from '../../../components/language-switch';
import { isApiError } from '../../../lib/api';
import { useSession } from '../../../lib/session';
import { loginWithPassword } from '../api';
import { safeAdminTarget } from '../redirect';

interface LoginValues {
  username: string;
  password: string;
  totp?: string;
}

export function AdminLoginPage() {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const target = safeAdminTarget(params.get('next'));
  const [form] = Form.useForm<LoginValues>();
  const [needTotp, setNeedTotp] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);
  const totpRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (needTotp) totpRef.current?.focus();
  }, [needTotp]);

  if (session.status === 'authenticated') return <Navigate to={target} replace />;

  const onFinish = async (values: LoginValues) => {
    setSubmitting(true);
    setError(null);
    try {
      const pair = await loginWithPassword({
        username: values.username.trim(),
        password: values.password,
        ...(needTotp && values.totp ? { totp: values.totp } : {}),
      });
      await session.signIn(pair);
      navigate(target, { replace: true });
    } catch (caught) {
      if (isApiError(caught, 'AUTH_TOTP_REQUIRED')) {
        // Not a mistake of the user: the account simply has a second step.
        setNeedTotp(true);
      } else {
        setError(caught);
        if (isApiError(caught, 'AUTH_TOTP_INVALID')) form.setFieldValue('totp', '');
      }
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <div className="uh-login">
      <div className="uh-login-lang">
        <LanguageSwitch />
      </div>
      <div className="uh-login-brand">
        <img src="/favicon.svg" alt="" width={48} height={48} />
        <div>
          <div className="uh-login-brand-name">{t('common.appName')}</div>
          <div className="uh-login-brand-sub">{t('common.appNameShort')}</div>
        </div>
      </div>
      <Card className="uh-login-card">
        <Typography.Title level={3} className="uh-login-title">
          {t('adminLogin.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('adminLogin.subtitle')}</Typography.Paragraph>
        <Form<LoginValues>
          form={form}
          layout="vertical"
          requiredMark={false}
          onFinish={onFinish}
          size="large"
        >
          <Form.Item
            name="username"
            label={t('adminLogin.username')}
            rules={[{ required: true, whitespace: true, message: t('adminLogin.usernameRequired') }]}
          >
            <Input
              prefix={<UserOutlined />}
              placeholder={t('adminLogin.usernamePlaceholder')}
              autoComplete="username"
              maxLength={64}
              autoFocus
            />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('adminLogin.password')}
            rules={[{ required: true, message: t('adminLogin.passwordRequired') }]}
          >
            <Input.Password
              prefix={<LockOutlined />}
              placeholder={t('adminLogin.passwordPlaceholder')}
              autoComplete="current-password"
              maxLength={256}
            />
          </Form.Item>
          {needTotp && (
            <>
              <Alert className="uh-login-totp-hint" type="info" showIcon title={t('adminLogin.totpHint')} />
              <Form.Item
                name="totp"
                label={t('adminLogin.totp')}
                normalize={(value: string) => value.replace(/\D/g, '').slice(0, 6)}
                rules={[{ required: true, pattern: /^\d{6}$/, message: t('adminLogin.totpRequired') }]}
              >
                <Input
                  ref={(input) => {
                    totpRef.current = input?.input ?? null;
                  }}
                  prefix={<SafetyOutlined />}
                  placeholder={t('adminLogin.totpPlaceholder')}
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  maxLength={6}
                />
              </Form.Item>
            </>
          )}
          <ErrorAlert error={error} className="uh-login-error" />
          <Button type="primary" htmlType="submit" block loading={submitting}>
            {t('adminLogin.submit')}
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" className="uh-login-foot">
          {t('adminLogin.forgot')}
        </Typography.Paragraph>
        <Link to="/m/login" className="uh-login-switch">
          {t('adminLogin.memberLink')}
        </Link>
      </Card>
    </div>
  );
}
