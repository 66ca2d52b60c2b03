import type { ConsultationField, DutySlot, LegalProvider } from '@unionhub/contracts';
import { ConsultationFields } from '@unionhub/contracts';
import { Button, Checkbox, Form, Modal, Popconfirm, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { addDays, weekHours, weekInstant } from '../duty-week';

interface Values {
  providerId: number;
  fromDay: number;
  fromHour: number;
  toDay: number;
  toHour: number;
  fields: ConsultationField[];
}

export interface SlotDraft {
  providerId?: number;
  startsAt: string;
  endsAt: string;
  fields: ConsultationField[];
}

/**
 * 安排值班 / 修改值班: who, from which day and hour to which (China time, whole hours, up to the
 * next Monday 00:00), and the fields covered. An existing slot can be deleted or swapped from here.
 */
export function SlotModal({
  open,
  weekStart,
  slot,
  draft,
  providers,
  onClose,
  onSave,
  onDelete,
  onSwap,
}: {
  open: boolean;
  weekStart: string;
  slot: DutySlot | null;
  draft: SlotDraft | null;
  providers: readonly LegalProvider[];
  onClose: () => void;
  onSave: (values: SlotDraft & { providerId: number }) => Promise<void>;
  onDelete: () => Promise<void>;
  onSwap: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!open) return;
    setError(null);
    const source = slot ?? draft;
    if (!source) return;
    const from = Math.max(0, Math.round(weekHours(weekStart, source.startsAt)));
    const to = Math.min(168, Math.round(weekHours(weekStart, source.endsAt)));
    form.setFieldsValue({
      providerId: slot?.provider.id ?? draft?.providerId ?? (undefined as unknown as number),
      fromDay: Math.floor(from / 24),
      fromHour: from % 24,
      toDay: Math.floor(to / 24),
      toHour: to % 24,
      fields: source.fields,
    });
  }, [open, slot, draft, weekStart, form]);

  const dayOptions = Array.from({ length: 8 }, (_, d) => ({
    value: d,
    label:
      d < 7
        ? `${t(`legalConsult.duty.weekdays.d${d}`)} ${addDays(weekStart, d).slice(5).replace('-', '/')}`
        : `${t('legalConsult.duty.weekdays.d0')} ${addDays(weekStart, 7).slice(5).replace('-', '/')}`,
  }));
  const hourOptions = Array.from({ length: 24 }, (_, h) => ({
    value: h,
    label: `${String(h).padStart(2, '0')}:00`,
  }));

  const submit = async (v: Values) => {
    setSaving(true);
    setError(null);
    try {
      await onSave({
        providerId: v.providerId,
        startsAt: weekInstant(weekStart, v.fromDay * 24 + v.fromHour),
        endsAt: weekInstant(weekStart, v.toDay * 24 + v.toHour),
        fields: v.fields ?? [],
      });
    } catch (err) {
      setError(err);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={slot ? t('legalConsult.duty.editTitle') : t('legalConsult.duty.addTitle')}
      onCancel={onClose}
      destroyOnHidden
      footer={
        <Space>
          {slot && (
            <>
              <Popconfirm
                title={t('legalConsult.duty.deleteConfirm')}
                onConfirm={async () => {
                  try {
                    await onDelete();
                  } catch (err) {
                    setError(err);
                  }
                }}
              >
                <Button danger>{t('legalConsult.duty.delete')}</Button>
              </Popconfirm>
              <Button onClick={onSwap}>{t('legalConsult.duty.swap')}</Button>
            </>
          )}
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()}>
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {error ? <ErrorAlert error={error} /> : null}
      <Form<Values> form={form} layout="vertical" name="duty-slot" onFinish={submit}>
        <Form.Item name="providerId" label={t('legalConsult.duty.provider')} rules={[{ required: true }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={providers.map((p) => ({
              value: p.id,
              label: `${p.name}（${t(`legalConsult.kinds.${p.kind}`)}${p.firm ? ` · ${p.firm}` : ''}）`,
            }))}
          />
        </Form.Item>
        <Space.Compact block>
          <Form.Item name="fromDay" label={t('legalConsult.duty.from')} style={{ width: '60%' }}>
            <Select options={dayOptions.slice(0, 7)} />
          </Form.Item>
          <Form.Item name="fromHour" label=" " style={{ width: '40%' }}>
            <Select options={hourOptions} aria-label={t('legalConsult.duty.from')} />
          </Form.Item>
        </Space.Compact>
        <Space.Compact block>
          <Form.Item name="toDay" label={t('legalConsult.duty.to')} style={{ width: '60%' }}>
            <Select options={dayOptions} />
          </Form.Item>
          <Form.Item name="toHour" label=" " style={{ width: '40%' }}>
            <Select options={hourOptions} aria-label={t('legalConsult.duty.to')} />
          </Form.Item>
        </Space.Compact>
        <Form.Item
          name="fields"
          label={t('legalConsult.duty.fields')}
          extra={t('legalConsult.duty.fieldsAll')}
        >
          <Checkbox.Group
            options={ConsultationFields.map((f) => ({ value: f, label: t(`legalConsult.fields.${f}`) }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
