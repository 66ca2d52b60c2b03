import { FileOutlined, PlusOutlined } from '@ant-design/icons';
import type { Attachment, AttachmentRequirement } from '@unionhub/contracts';
import { SpinLoading } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../lib/errors';
import { uploadAttachment } from '../api';
import { acceptOf, type FieldErrors } from '../form-values';

const MAX_BYTES = 10 * 1024 * 1024;

export interface UploadedFile {
  attachment: Attachment;
  slot: string;
  /** A local preview of an image, for the thumbnail. */
  preview: string | null;
}

/**
 * The documents a service asks for, one slot per requirement: each file is uploaded as soon as it
 * is chosen (the form later names its id), images show a thumbnail, other files their name.
 */
export function AttachmentSlots({
  requirements,
  files,
  errors,
  onChange,
}: {
  requirements: readonly AttachmentRequirement[];
  files: UploadedFile[];
  errors: FieldErrors;
  onChange: (files: UploadedFile[]) => void;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<string | null>(null);
  const [problems, setProblems] = useState<Record<string, string>>({});

  const add = async (slot: AttachmentRequirement, chosen: FileList | null) => {
    if (!chosen?.length) return;
    setProblems((p) => ({ ...p, [slot.key]: '' }));
    setBusy(slot.key);
    const added: UploadedFile[] = [];
    try {
      for (const file of Array.from(chosen)) {
        if (file.size > MAX_BYTES) {
          setProblems((p) => ({ ...p, [slot.key]: t('hall.fileTooLarge', { name: file.name }) }));
          continue;
        }
        try {
          const attachment = await uploadAttachment(file);
          added.push({
            attachment,
            slot: slot.key,
            preview: attachment.kind === 'image' ? URL.createObjectURL(file) : null,
          });
        } catch (error) {
          const reason = describeError(error, t).message;
          setProblems((p) => ({ ...p, [slot.key]: t('hall.fileRejected', { name: file.name, reason }) }));
        }
      }
    } finally {
      setBusy(null);
      onChange([...files, ...added]);
    }
  };

  return (
    <div className="uhm-slots">
      {requirements.map((slot) => {
        const mine = files.filter((f) => f.slot === slot.key);
        const error = problems[slot.key] || errors[slot.key];
        return (
          <div key={slot.key} className="uhm-ff" data-slot={slot.key}>
            <div className="uhm-ff-label">
              {slot.required && <span className="uhm-ff-required">*</span>}
              {slot.label}
            </div>
            <div className="uhm-ff-help">
              {t('hall.uploadHint', {
                count: slot.maxCount,
                kinds: slot.kinds.map((k) => t(`hall.kinds.${k}`)).join('、'),
              })}
            </div>
            <ul className="uhm-slot-files">
              {mine.map((f) => (
                <li key={f.attachment.id} className="uhm-slot-file">
                  {f.preview ? (
                    <img src={f.preview} alt={f.attachment.filename} />
                  ) : (
                    <span className="uhm-slot-doc">
                      <FileOutlined />
                      <span>{f.attachment.filename}</span>
                    </span>
                  )}
                  <button
                    type="button"
                    className="uhm-slot-remove"
                    aria-label={t('hall.remove')}
                    onClick={() => onChange(files.filter((x) => x !== f))}
                  >
                    ×
                  </button>
                </li>
              ))}
              {mine.length < slot.maxCount && (
                <li>
                  <label className="uhm-slot-add">
                    {busy === slot.key ? <SpinLoading style={{ '--size': '20px' }} /> : <PlusOutlined />}
                    <span>{busy === slot.key ? t('hall.uploading') : t('hall.uploadPhoto')}</span>
                    <input
                      type="file"
                      hidden
                      accept={acceptOf(slot.kinds)}
                      multiple={slot.maxCount > 1}
                      data-testid={`upload-${slot.key}`}
                      onChange={(e) => {
                        void add(slot, e.target.files);
                        e.target.value = '';
                      }}
                    />
                  </label>
                </li>
              )}
            </ul>
            {error && (
              <div className="uhm-ff-error" role="alert">
                {error}
              </div>
            )}
          </div>
        );
      })}
    </div>
  );
}
