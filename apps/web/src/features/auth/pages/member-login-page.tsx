import { Button, Input, Toast } from 'antd-mobile';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { MobileLanguageSwitch } from '../../../components/mobile-language-switch';
import { isApiError } from '../../../lib/api';
import { describeError } from '../../../lib/errors';
import { useSession } from '../../../lib/session';
import { requestOtp, verifyOtp } from '../api';
import { useCountdown } from '../hooks/use-countdown';
import { safeMemberTarget } from '../redirect';

/** Mainland mobile numbers, as the API's Phone schema accepts them. */
const PHONE_PATTERN = /^1[3-9]\d{9}$/;
const CODE_PATTERN = /^\d{6}$/;
const RESEND_SECONDS = 60;

export function MemberLoginPage() {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const target = safeMemberTarget(params.get('next'));
  const countdown = useCountdown();
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [phoneError, setPhoneError] = useState<string | null>(null);
  const [codeError, setCodeError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [verifying, setVerifying] = useState(false);

  if (session.status === 'authenticated') return <Navigate to={target} replace />;

  const checkPhone = () => {
    const ok = PHONE_PATTERN.test(phone);
    setPhoneError(ok ? null : t('memberLogin.phoneInvalid'));
    return ok;
  };

  const sendCode = async () => {
    setError(null);
    if (!checkPhone() || countdown.remaining > 0) return;
    setSending(true);
    try {
      await requestOtp({ phone });
      countdown.start(RESEND_SECONDS);
      Toast.show({ content: t('memberLogin.codeSent') });
    } catch (caught) {
      if (isApiError(caught, 'AUTH_OTP_TOO_SOON')) {
        const wait = caught.meta.retryAfterSeconds;
        if (typeof wait === 'number') countdown.start(wait);
      }
      setError(describeError(caught, t).message);
    } finally {
      setSending(false);
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const phoneOk = checkPhone();
    const codeOk = CODE_PATTERN.test(code);
    setCodeError(codeOk ? null : t('memberLogin.codeInvalid'));
    if (!phoneOk || !codeOk) return;
    setVerifying(true);
    try {
      const pair = await verifyOtp({ phone, code });
      await session.signIn(pair);
      navigate(target, { replace: true });
    } catch (caught) {
      setError(describeError(caught, t).message);
      if (isApiError(caught, 'AUTH_OTP_EXPIRED') || isApiError(caught, 'AUTH_OTP_INVALID')) setCode('');
    } finally {
      setVerifying(false);
    }
  };

  const waiting = countdown.remaining > 0;

  return (
    <div className="uhm-login">
      <div className="uhm-login-top">
        <MobileLanguageSwitch />
      </div>
      <header className="uhm-login-brand">
        <img src="/favicon.svg" alt="" width={56} height={56} />
        <h1>{t('memberLogin.title')}</h1>
        <p>{t('memberLogin.subtitle')}</p>
      </header>
      <form className="uhm-login-card" onSubmit={submit} noValidate>
        <div className="uhm-field">
          <label className="uhm-field-label" htmlFor="uhm-phone">
            {t('memberLogin.phone')}
          </label>
          <Input
            id="uhm-phone"
            type="tel"
            inputMode="numeric"
            autoComplete="tel-national"
            placeholder={t('memberLogin.phonePlaceholder')}
            value={phone}
            maxLength={11}
            clearable
            onChange={(value) => {
              setPhone(value.replace(/\D/g, '').slice(0, 11));
              setPhoneError(null);
            }}
            aria-invalid={phoneError !== null}
          />
        </div>
        {phoneError && <div className="uhm-field-error">{phoneError}</div>}
        <div className="uhm-field">
          <label className="uhm-field-label" htmlFor="uhm-code">
            {t('memberLogin.code')}
          </label>
          <Input
            id="uhm-code"
            inputMode="numeric"
            autoComplete="one-time-code"
            placeholder={t('memberLogin.codePlaceholder')}
            value={code}
            maxLength={6}
            onChange={(value) => {
              setCode(value.replace(/\D/g, '').slice(0, 6));
              setCodeError(null);
            }}
            aria-invalid={codeError !== null}
          />
          <Button
            size="small"
            fill="none"
            color="primary"
            className="uhm-send-code"
            disabled={waiting || sending}
            loading={sending}
            onClick={sendCode}
          >
            {waiting
              ? t('memberLogin.resendIn', { seconds: countdown.remaining })
              : t('memberLogin.sendCode')}
          </Button>
        </div>
        {codeError && <div className="uhm-field-error">{codeError}</div>}
        {error && (
          <div className="uhm-form-error" role="alert">
            {error}
          </div>
        )}
        <Button type="submit" block color="primary" size="large" shape="rounded" loading={verifying}>
          {t('memberLogin.submit')}
        </Button>
      </form>
      <Link to="/admin/login" className="uhm-login-switch">
        {t('memberLogin.staffLink')}
      </Link>
    </div>
  );
}
