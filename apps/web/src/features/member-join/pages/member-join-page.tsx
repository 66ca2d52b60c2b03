import type { UnionChoice } from '@unionhub/contracts';
import { Button, DotLoading, Input, NavBar, Toast } from 'antd-mobile';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { isApiError } from '../../../lib/api';
import { newIdempotencyKey } from '../../../lib/dates';
import { describeError } from '../../../lib/errors';
import { useSession } from '../../../lib/session';
import { applyToJoin, listMyApplications } from '../api';
import { UnionPicker } from '../components/union-picker';
import {
  checkJoinForm,
  type JoinFormErrors,
  type JoinFormField,
  type JoinFormValues,
  toJoinBody,
} from '../join-form';

function Field({
  label,
  error,
  children,
  note,
}: {
  label: string;
  error?: string | undefined;
  children: ReactNode;
  note?: string;
}) {
  return (
    <div className={`uhm-join-field${error ? ' has-error' : ''}`}>
      <div className="uhm-join-label">{label}</div>
      <div className="uhm-join-control">{children}</div>
      {error ? (
        <div className="uhm-join-field-error" role="alert">
          {error}
        </div>
      ) : note ? (
        <div className="uhm-join-field-note">{note}</div>
      ) : null}
    </div>
  );
}

/** 我要入会: the worker's details, the union, then one application per tap however often it is tapped. */
export function MemberJoinPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { me } = useSession();
  const [checking, setChecking] = useState(params.get('again') !== '1');
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState<JoinFormValues>({
    name: '',
    idNumber: '',
    employerName: '',
    employerCreditCode: '',
    orgId: null,
  });
  const [union, setUnion] = useState<UnionChoice | null>(null);
  const [errors, setErrors] = useState<JoinFormErrors>({});
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<{ message: string; details: string[] } | null>(null);
  // One key per filled-in form: a double tap or a retry after a lost answer files one application.
  const key = useRef(newIdempotencyKey());

  useEffect(() => {
    if (!checking) return;
    let live = true;
    listMyApplications().then(
      (items) => {
        if (!live) return;
        setOpen(items.some((a) => a.status === 'pending' || a.status === 'accepted'));
        setChecking(false);
      },
      () => live && setChecking(false),
    );
    return () => {
      live = false;
    };
  }, [checking]);

  if (open) return <Navigate to="/m/join/status" replace />;

  const set = (field: JoinFormField) => (value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    if (errors[field]) setErrors((e) => ({ ...e, [field]: undefined }));
  };
  const errorText = (field: JoinFormField) =>
    errors[field] ? t(`memberJoin.errors.${errors[field]}`) : undefined;

  const pick = (chosen: UnionChoice) => {
    setUnion(chosen);
    setValues((v) => ({ ...v, orgId: chosen.id }));
    setErrors((e) => ({ ...e, orgId: undefined }));
  };

  const submit = async () => {
    if (sending) return;
    setFailure(null);
    const found = checkJoinForm(values);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      Toast.show({ content: t(`memberJoin.errors.${Object.values(found)[0]}`) });
      return;
    }
    setSending(true);
    try {
      await applyToJoin(toJoinBody(values), key.current);
      navigate('/m/join/status', { replace: true });
    } catch (err) {
      if (isApiError(err, 'JOIN_APPLICATION_OPEN')) {
        navigate('/m/join/status', { replace: true });
        return;
      }
      const { message, details } = describeError(err, t);
      setFailure({ message, details });
    } finally {
      setSending(false);
    }
  };

  return (
    <div className="uhm-join">
      <NavBar className="uhm-join-nav" onBack={() => navigate('/m')}>
        {t('memberJoin.title')}
      </NavBar>
      {checking ? (
        <div className="uhm-join-loading">
          <DotLoading color="primary" />
        </div>
      ) : (
        <>
          <p className="uhm-join-intro">{t('memberJoin.intro')}</p>
          <section className="uhm-join-section">
            <h2>{t('memberJoin.sectionPerson')}</h2>
            <Field label={t('memberJoin.name')} error={errorText('name')}>
              <Input
                aria-label={t('memberJoin.name')}
                placeholder={t('memberJoin.namePlaceholder')}
                value={values.name}
                onChange={set('name')}
                maxLength={30}
                clearable
              />
            </Field>
            <Field label={t('memberJoin.idNumber')} error={errorText('idNumber')}>
              <Input
                aria-label={t('memberJoin.idNumber')}
                placeholder={t('memberJoin.idNumberPlaceholder')}
                value={values.idNumber}
                onChange={set('idNumber')}
                onBlur={() => {
                  const found = checkJoinForm(values);
                  if (values.idNumber.trim()) setErrors((e) => ({ ...e, idNumber: found.idNumber }));
                }}
                maxLength={20}
                clearable
              />
            </Field>
            <Field label={t('memberJoin.phone')} note={t('memberJoin.phoneNote')}>
              <span className="uhm-join-static">{me?.user.phoneMasked ?? t('common.empty')}</span>
            </Field>
          </section>
          <section className="uhm-join-section">
            <h2>{t('memberJoin.sectionEmployer')}</h2>
            <Field label={t('memberJoin.employerName')} error={errorText('employerName')}>
              <Input
                aria-label={t('memberJoin.employerName')}
                placeholder={t('memberJoin.employerNamePlaceholder')}
                value={values.employerName}
                onChange={set('employerName')}
                maxLength={100}
                clearable
              />
            </Field>
            <Field label={t('memberJoin.employerCreditCode')} error={errorText('employerCreditCode')}>
              <Input
                aria-label={t('memberJoin.employerCreditCode')}
                placeholder={t('memberJoin.employerCreditCodePlaceholder')}
                value={values.employerCreditCode}
                onChange={set('employerCreditCode')}
                maxLength={18}
                clearable
              />
            </Field>
          </section>
          <section className="uhm-join-section">
            <h2>{t('memberJoin.sectionUnion')}</h2>
            {union ? (
              <div className="uhm-join-chosen" data-testid="chosen-union">
                <div>
                  <div className="uhm-join-chosen-label">{t('memberJoin.chosen')}</div>
                  <div className="uhm-join-chosen-name">{union.name}</div>
                  {union.address ? <div className="uhm-join-chosen-sub">{union.address}</div> : null}
                </div>
                <Button
                  size="small"
                  fill="outline"
                  onClick={() => {
                    setUnion(null);
                    setValues((v) => ({ ...v, orgId: null }));
                  }}
                >
                  {t('memberJoin.change')}
                </Button>
              </div>
            ) : (
              <>
                {errors.orgId ? (
                  <div className="uhm-join-field-error" role="alert">
                    {t(`memberJoin.errors.${errors.orgId}`)}
                  </div>
                ) : null}
                <UnionPicker creditCode={values.employerCreditCode} onPick={pick} />
              </>
            )}
          </section>
          {failure ? (
            <div className="uhm-join-failure" role="alert">
              <div>{failure.message}</div>
              {failure.details.map((d) => (
                <div key={d}>{d}</div>
              ))}
            </div>
          ) : null}
          <div className="uhm-join-submit">
            <p className="uhm-join-agreement">{t('memberJoin.agreement')}</p>
            <Button block color="primary" size="large" shape="rounded" loading={sending} onClick={submit}>
              {t('memberJoin.submit')}
            </Button>
          </div>
        </>
      )}
    </div>
  );
}
