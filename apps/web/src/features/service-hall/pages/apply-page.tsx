import type { AttachmentRequirement, FormDefinition } from '@unionhub/contracts';
import { Button, DotLoading, ErrorBlock, NavBar, TextArea, Toast } from 'antd-mobile';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { isApiError } from '../../../lib/api';
import { describeError } from '../../../lib/errors';
import { applyFromConsultation, getLegalAidDraft } from '../../legal-aid/api';
import { getMyRequest, getOfferedService, resubmitRequest, submitRequest } from '../api';
import { AttachmentSlots, type UploadedFile } from '../components/attachment-slots';
import { FormRenderer } from '../components/form-renderer';
import {
  checkForm,
  checkSlots,
  errorsByField,
  type FieldErrors,
  type FormValues,
  toInputValues,
  toSubmission,
} from '../form-values';

interface Target {
  title: string;
  form: FormDefinition;
  attachments: AttachmentRequirement[];
  serviceId: number;
}

/** One key per visit to the form: a double tap, or a retry after a lost answer, files one request. */
function newIdempotencyKey(): string {
  return typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${Math.random().toString(36).slice(2)}`;
}

/**
 * Applying for a service, or — with a request id — completing a returned request and sending it
 * again, or — with a consultation id — applying for legal aid from it (pre-filled, linked on submit).
 */
export function ApplyPage({ mode }: { mode: 'apply' | 'resubmit' | 'legal-aid' }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const [target, setTarget] = useState<Target | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [values, setValues] = useState<FormValues>({});
  const [files, setFiles] = useState<UploadedFile[]>([]);
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [sending, setSending] = useState(false);
  const key = useRef(newIdempotencyKey());

  useEffect(() => {
    if (mode === 'legal-aid') {
      getLegalAidDraft(id)
        .then(async (draft) => {
          const s = await getOfferedService(draft.serviceId);
          setTarget({ title: s.name, form: s.form, attachments: s.attachments, serviceId: s.id });
          setValues(toInputValues(s.form, draft.data));
        })
        .catch(setLoadError);
    } else if (mode === 'apply') {
      getOfferedService(id).then(
        (s) => setTarget({ title: s.name, form: s.form, attachments: s.attachments, serviceId: s.id }),
        setLoadError,
      );
    } else {
      getMyRequest(id).then((r) => {
        setTarget({
          title: r.serviceName,
          form: r.form,
          attachments: r.attachmentRequirements,
          serviceId: r.serviceId,
        });
        setValues(toInputValues(r.form, r.data));
        setFiles(
          r.attachments
            .filter((a) => a.slot)
            .map((a) => ({ attachment: a, slot: a.slot ?? '', preview: null })),
        );
      }, setLoadError);
    }
  }, [id, mode]);

  const submit = async () => {
    if (!target || sending) return;
    const counts: Record<string, number> = {};
    for (const f of files) counts[f.slot] = (counts[f.slot] ?? 0) + 1;
    const problems = { ...checkForm(target.form, values), ...checkSlots(target.attachments, counts, t) };
    setErrors(problems);
    if (Object.keys(problems).length) {
      Toast.show({ content: t('hall.checkForm') });
      document.querySelector('.uhm-ff-invalid, [role=alert]')?.scrollIntoView({ block: 'center' });
      return;
    }
    setSending(true);
    const data = toSubmission(target.form, values);
    const attachments = files.map((f) => ({ id: f.attachment.id, slot: f.slot }));
    try {
      if (mode === 'legal-aid') {
        const { requestId } = await applyFromConsultation(
          id,
          { serviceId: target.serviceId, data, attachments },
          key.current,
        );
        Toast.show({ icon: 'success', content: t('legalAid.applied') });
        navigate(`/m/requests/${requestId}`, { replace: true });
        return;
      }
      const saved =
        mode === 'apply'
          ? await submitRequest({ serviceId: target.serviceId, data, attachments }, key.current)
          : await resubmitRequest(id, {
              data,
              attachments,
              ...(comment.trim() ? { comment: comment.trim() } : {}),
            });
      Toast.show({ icon: 'success', content: t('hall.submitted') });
      navigate(`/m/requests/${saved.id}`, { replace: true });
    } catch (error) {
      if (isApiError(error) && error.details.length) {
        setErrors(errorsByField(error.details));
        Toast.show({ content: error.message || t('hall.checkForm') });
      } else {
        Toast.show({ content: describeError(error, t).message });
      }
    } finally {
      setSending(false);
    }
  };

  return (
    <div className="uhm-page">
      <NavBar onBack={() => navigate(-1)}>
        {mode === 'apply'
          ? t('hall.applyTitle')
          : mode === 'legal-aid'
            ? t('legalAid.applyTitle')
            : t('hall.resubmitTitle')}
      </NavBar>
      {!target && !loadError && <DotLoading />}
      {loadError ? (
        <ErrorBlock status="default" title={describeError(loadError, t).message} description="" />
      ) : null}
      {target && (
        <>
          <section className="uhm-card">
            <h1 className="uhm-page-title">{target.title}</h1>
            <FormRenderer
              form={target.form}
              values={values}
              errors={errors}
              onChange={(next, changed) => {
                setValues(next);
                setErrors(({ [changed]: _, ...rest }) => rest);
              }}
            />
          </section>
          {target.attachments.length > 0 && (
            <section className="uhm-card">
              <h2 className="uhm-card-title">{t('hall.documents')}</h2>
              <AttachmentSlots
                requirements={target.attachments}
                files={files}
                errors={errors}
                onChange={setFiles}
              />
            </section>
          )}
          {mode === 'resubmit' && (
            <section className="uhm-card">
              <h2 className="uhm-card-title">{t('hall.resubmitComment')}</h2>
              <TextArea value={comment} onChange={setComment} rows={2} maxLength={1000} />
            </section>
          )}
          {(errors._form || errors._files) && (
            <p className="uhm-ff-error uhm-page-error" role="alert">
              {errors._form ?? errors._files}
            </p>
          )}
          <div className="uhm-page-actions">
            <Button
              block
              color="primary"
              size="large"
              loading={sending}
              loadingText={t('hall.submitting')}
              onClick={submit}
            >
              {mode === 'resubmit' ? t('hall.actions.resubmit') : t('hall.actions.submit')}
            </Button>
          </div>
        </>
      )}
    </div>
  );
}
