import type { AttachmentRequirement, ErrorDetail, FormDefinition, FormField } from '@unionhub/contracts';
import { validateFormData } from '@unionhub/contracts';

/** What the member typed, per field: text as typed, choices as chosen, yes/no as a boolean. */
export type FormValues = Record<string, unknown>;

/** Problems by field key (form fields) or slot key (attachments); `_form` holds the rest. */
export type FieldErrors = Record<string, string>;

/** The value a typed text becomes for the API: numbers parsed, blanks left out. */
export function normalizeValue(field: FormField, raw: unknown): unknown {
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw === 'string') {
    const text = raw.trim();
    if (text === '') return undefined;
    if (field.type === 'number' || field.type === 'amount') {
      const n = Number(text);
      return Number.isFinite(n) ? n : text;
    }
    if (field.type === 'idNumber') return text.toUpperCase();
    return field.type === 'textarea' ? raw : text;
  }
  if (Array.isArray(raw) && raw.length === 0) return undefined;
  return raw;
}

/** The data to send: only the form's own fields, blanks dropped. */
export function toSubmission(form: FormDefinition, values: FormValues): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const field of form.fields) {
    const value = normalizeValue(field, values[field.key]);
    if (value !== undefined) data[field.key] = value;
  }
  return data;
}

/** Stored data back into what the inputs show (numbers as text), for a resubmission. */
export function toInputValues(form: FormDefinition, data: Record<string, unknown>): FormValues {
  const values: FormValues = {};
  for (const field of form.fields) {
    const value = data[field.key];
    if (value === undefined || value === null) continue;
    values[field.key] = typeof value === 'number' ? String(value) : value;
  }
  return values;
}

/** Problems keyed by field, from the shared validator or from the API's details (`body.data.<key>`). */
export function errorsByField(details: readonly ErrorDetail[], prefix = 'body.data'): FieldErrors {
  const errors: FieldErrors = {};
  for (const detail of details) {
    let key = '_form';
    if (detail.path.startsWith(`${prefix}.`))
      key = detail.path.slice(prefix.length + 1).split('.')[0] ?? '_form';
    else if (detail.path.startsWith('body.attachments')) key = '_files';
    errors[key] ??= detail.message;
  }
  return errors;
}

/** The browser's check before sending: the same rules the API applies. */
export function checkForm(form: FormDefinition, values: FormValues): FieldErrors {
  return errorsByField(validateFormData(form, toSubmission(form, values)));
}

/** Slots whose required file is missing or that hold too many, keyed by slot. */
export function checkSlots(
  requirements: readonly AttachmentRequirement[],
  counts: Record<string, number>,
  t: (key: string, params: Record<string, unknown>) => string,
): FieldErrors {
  const errors: FieldErrors = {};
  for (const slot of requirements) {
    const n = counts[slot.key] ?? 0;
    if (slot.required && n === 0) errors[slot.key] = t('hall.needFile', { label: slot.label });
    else if (n > slot.maxCount)
      errors[slot.key] = t('hall.tooManyFiles', { label: slot.label, count: slot.maxCount });
  }
  return errors;
}

/** The `accept` attribute of a slot's file input. */
export function acceptOf(kinds: readonly string[]): string {
  const parts: string[] = [];
  if (kinds.includes('image')) parts.push('image/*');
  if (kinds.includes('pdf')) parts.push('application/pdf', '.pdf');
  if (kinds.includes('office')) parts.push('.doc', '.docx', '.xls', '.xlsx');
  return parts.join(',');
}

/** Working-day deadlines as a person reads them: days left, or days over, counted in whole days. */
export function deadlineInfo(
  dueAt: string | null,
  now: Date = new Date(),
): { days: number; overdue: boolean } | null {
  if (!dueAt) return null;
  const ms = new Date(dueAt).getTime() - now.getTime();
  const days = Math.ceil(Math.abs(ms) / 86_400_000);
  return ms < 0 ? { days, overdue: true } : { days, overdue: false };
}
