import type { ConsultationField } from '@unionhub/contracts';
import { ConsultationFields } from '@unionhub/contracts';
import { Button, Checkbox, NavBar, Selector, TextArea, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError } from '../../../lib/api';
import { describeError } from '../../../lib/errors';
import { AttachmentSlots, type UploadedFile } from '../../service-hall/components/attachment-slots';
import { askConsultation } from '../api';

/** 我要咨询: the type of problem, what happened, documents, and whether it may help others as an FAQ. */
export function AskPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [field, setField] = useState<ConsultationField | null>(null);
  const [text, setText] = useState('');
  const [files, setFiles] = useState<UploadedFile[]>([]);
  const [anonymous, setAnonymous] = useState(true);
  const [allowPublish, setAllowPublish] = useState(false);
  const [errors, setErrors] = useState<{ field?: string; text?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);
  // One key per visit: a double tap or a retry after a lost answer asks one question.
  const [idempotencyKey] = useState(() =>
    typeof crypto.randomUUID === 'function'
      ? crypto.randomUUID()
      : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${Math.random().toString(36).slice(2)}`,
  );

  const submit = async () => {
    const problems: typeof errors = {};
    if (!field) problems.field = t('memberLegal.fieldRequired');
    if ([...text.trim()].length < 10) problems.text = t('memberLegal.textTooShort');
    setErrors(problems);
    if (problems.field || problems.text || !field) return;
    setBusy(true);
    try {
      const saved = await askConsultation(
        {
          field,
          text: text.trim(),
          attachments: files.map((f) => ({ id: f.attachment.id })),
          anonymous,
          allowPublish,
        },
        idempotencyKey,
      );
      Toast.show({ icon: 'success', content: t('memberLegal.submitted') });
      navigate(`/m/legal/consultations/${saved.id}`, { replace: true });
    } catch (err) {
      if (err instanceof ApiError && err.code === 'MEMBERSHIP_REQUIRED')
        setErrors({ form: t('memberLegal.noMembership') });
      else {
        const d = describeError(err, t);
        const textProblem = err instanceof ApiError && err.details.some((x) => x.path === 'body.text');
        setErrors(textProblem ? { text: d.details[0] ?? d.message } : { form: d.message });
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="uhm-page">
      <NavBar onBack={() => navigate('/m/legal')}>{t('memberLegal.askTitle')}</NavBar>
      <section className="uhm-card">
        <div className="uhm-ff">
          <div className="uhm-ff-label">
            <span className="uhm-ff-required">*</span>
            {t('memberLegal.field')}
          </div>
          <Selector
            columns={3}
            options={ConsultationFields.map((f) => ({ value: f, label: t(`legalConsult.fields.${f}`) }))}
            value={field ? [field] : []}
            onChange={(v) => {
              setField((v[0] as ConsultationField | undefined) ?? null);
              setErrors((e) => ({ ...e, field: undefined }));
            }}
          />
          {errors.field && (
            <div className="uhm-ff-error" role="alert">
              {errors.field}
            </div>
          )}
        </div>
        <div className="uhm-ff">
          <div className="uhm-ff-label">
            <span className="uhm-ff-required">*</span>
            {t('memberLegal.text')}
          </div>
          <TextArea
            placeholder={t('memberLegal.textPlaceholder')}
            value={text}
            onChange={(v) => {
              setText(v);
              if (errors.text && [...v.trim()].length >= 10) setErrors((e) => ({ ...e, text: undefined }));
            }}
            rows={6}
            maxLength={2000}
            showCount
            aria-label={t('memberLegal.text')}
          />
          {errors.text && (
            <div className="uhm-ff-error" role="alert">
              {errors.text}
            </div>
          )}
        </div>
        <AttachmentSlots
          requirements={[
            {
              key: 'files',
              label: t('memberLegal.files'),
              required: false,
              maxCount: 9,
              kinds: ['image', 'pdf', 'office'],
            },
          ]}
          files={files}
          errors={{}}
          onChange={setFiles}
        />
        <div className="uhm-ff uhm-legal-checks">
          <Checkbox checked={anonymous} onChange={setAnonymous}>
            {t('memberLegal.anonymous')}
          </Checkbox>
          <Checkbox checked={allowPublish} onChange={setAllowPublish}>
            {t('memberLegal.allowPublish')}
          </Checkbox>
        </div>
        {errors.form && (
          <p className="uhm-ff-error" role="alert">
            {errors.form}
          </p>
        )}
        <Button block color="primary" size="large" loading={busy} onClick={() => void submit()}>
          {t('memberLegal.submit')}
        </Button>
      </section>
    </div>
  );
}
