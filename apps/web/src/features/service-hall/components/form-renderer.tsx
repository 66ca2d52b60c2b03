import type { FormDefinition, FormField } from '@unionhub/contracts';
import { Input, Radio, Selector, Space, TextArea } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import type { FieldErrors, FormValues } from '../form-values';

function FieldInput({
  field,
  value,
  onChange,
}: {
  field: FormField;
  value: unknown;
  onChange: (value: unknown) => void;
}) {
  const { t } = useTranslation();
  const id = `field-${field.key}`;
  const text = typeof value === 'string' ? value : '';
  switch (field.type) {
    case 'textarea':
      return (
        <TextArea
          id={id}
          value={text}
          onChange={onChange}
          rows={3}
          autoSize={{ minRows: 3, maxRows: 8 }}
          maxLength={field.maxLength ?? 2000}
          showCount
        />
      );
    case 'number':
    case 'amount':
      return (
        <Input
          id={id}
          value={text}
          onChange={onChange}
          inputMode={field.type === 'amount' ? 'decimal' : 'numeric'}
          placeholder={field.type === 'amount' ? '0.00' : undefined}
        />
      );
    case 'date':
      return (
        <input
          id={id}
          className="uhm-date-input"
          type="date"
          value={text}
          onChange={(e) => onChange(e.target.value)}
        />
      );
    case 'phone':
      return <Input id={id} value={text} onChange={onChange} inputMode="tel" maxLength={11} />;
    case 'idNumber':
      return <Input id={id} value={text} onChange={onChange} maxLength={18} />;
    case 'select':
      return (
        <Selector
          columns={(field.options?.length ?? 0) > 4 ? 2 : 1}
          options={(field.options ?? []).map((o) => ({ label: o, value: o }))}
          value={typeof value === 'string' ? [value] : []}
          onChange={(chosen) => onChange(chosen[0])}
        />
      );
    case 'multiselect':
      return (
        <Selector
          multiple
          columns={2}
          options={(field.options ?? []).map((o) => ({ label: o, value: o }))}
          value={Array.isArray(value) ? (value as string[]) : []}
          onChange={(chosen) => onChange(chosen)}
        />
      );
    case 'boolean':
      return (
        <Radio.Group
          value={typeof value === 'boolean' ? String(value) : undefined}
          onChange={(v) => onChange(v === 'true')}
        >
          <Space>
            <Radio value="true">{t('hall.yes')}</Radio>
            <Radio value="false">{t('hall.no')}</Radio>
          </Space>
        </Radio.Group>
      );
    default:
      return <Input id={id} value={text} onChange={onChange} maxLength={field.maxLength ?? 200} />;
  }
}

/**
 * A service's form, as data, on the phone: one input per field type, the label and help the union
 * wrote, and the problem of each field (from the browser's check or from the server) under it.
 */
export function FormRenderer({
  form,
  values,
  errors,
  onChange,
}: {
  form: FormDefinition;
  values: FormValues;
  errors: FieldErrors;
  onChange: (values: FormValues, changed: string) => void;
}) {
  return (
    <div className="uhm-form">
      {form.fields.map((field) => {
        const error = errors[field.key];
        return (
          <div key={field.key} className={`uhm-ff${error ? ' uhm-ff-invalid' : ''}`} data-field={field.key}>
            <label className="uhm-ff-label" htmlFor={`field-${field.key}`}>
              {field.required && <span className="uhm-ff-required">*</span>}
              {field.label}
            </label>
            {field.help && <div className="uhm-ff-help">{field.help}</div>}
            <FieldInput
              field={field}
              value={values[field.key]}
              onChange={(value) => onChange({ ...values, [field.key]: value }, field.key)}
            />
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
