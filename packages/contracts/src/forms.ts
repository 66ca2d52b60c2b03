import Type, { type Static } from 'typebox';
import { StringEnum } from './common.js';
import type { ErrorDetail } from './errors.js';
import { checkIdNumber } from './validators.js';

/**
 * Forms as data: a service item carries the list of fields a member fills in; the web app renders
 * it and the API validates submitted values against it with the same function (validateFormData),
 * so a rule is never written twice. Messages name the field by its own label, in Chinese, because
 * the labels are written by Chinese unions for Chinese members.
 */
export const FormFieldTypes = [
  'text',
  'textarea',
  'number',
  'amount',
  'date',
  'select',
  'multiselect',
  'phone',
  'idNumber',
  'boolean',
] as const;
export type FormFieldType = (typeof FormFieldTypes)[number];

export const FormField = Type.Object(
  {
    key: Type.String({
      pattern: '^[a-z][a-zA-Z0-9_]{0,39}$',
      description: 'Stable name of the value in the submitted data',
    }),
    label: Type.String({ minLength: 1, maxLength: 40 }),
    type: StringEnum(FormFieldTypes),
    required: Type.Boolean(),
    help: Type.Optional(Type.String({ maxLength: 200 })),
    options: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 60 }), { minItems: 1, maxItems: 50 }),
    ),
    min: Type.Optional(Type.Number({ description: 'Smallest number or amount' })),
    max: Type.Optional(Type.Number({ description: 'Largest number or amount' })),
    maxLength: Type.Optional(Type.Integer({ minimum: 1, maximum: 5000 })),
  },
  { additionalProperties: false },
);
export type FormField = Static<typeof FormField>;

export const FormDefinition = Type.Object(
  { fields: Type.Array(FormField, { maxItems: 40 }) },
  { additionalProperties: false },
);
export type FormDefinition = Static<typeof FormDefinition>;

/** The kinds of file a service may ask for; the server checks the content, not the name. */
export const AttachmentKinds = ['image', 'pdf', 'office'] as const;
export type AttachmentKind = (typeof AttachmentKinds)[number];

export const AttachmentRequirement = Type.Object(
  {
    key: Type.String({ pattern: '^[a-z][a-zA-Z0-9_]{0,39}$' }),
    label: Type.String({ minLength: 1, maxLength: 40 }),
    required: Type.Boolean(),
    maxCount: Type.Integer({ minimum: 1, maximum: 10 }),
    kinds: Type.Array(StringEnum(AttachmentKinds), { minItems: 1, maxItems: 3, uniqueItems: true }),
  },
  { additionalProperties: false },
);
export type AttachmentRequirement = Static<typeof AttachmentRequirement>;

/** Submitted values: strings, numbers, booleans or lists of option strings, keyed by field key. */
export type FormData = Record<string, unknown>;

const ID_NUMBER_PROBLEMS: Record<string, string> = {
  'id_number.format': '身份证号应为 18 位（17 位数字加一位数字或 X）',
  'id_number.birth_date': '身份证号中的出生日期不正确',
  'id_number.check_digit': '身份证号最后一位校验码不正确',
};

const DEFAULT_MAX_LENGTH: Partial<Record<FormFieldType, number>> = { text: 200, textarea: 2000 };
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const PHONE = /^1[3-9]\d{9}$/;

function isRealDate(text: string): boolean {
  if (!DATE.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

function isBlank(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    (typeof value === 'string' && value.trim() === '') ||
    (Array.isArray(value) && value.length === 0)
  );
}

/** Problems of one value against its field, in the field's own words; empty when it is fine. */
function checkValue(field: FormField, value: unknown): string | null {
  const name = `「${field.label}」`;
  switch (field.type) {
    case 'text':
    case 'textarea': {
      if (typeof value !== 'string') return `${name}应为文字`;
      const max = field.maxLength ?? DEFAULT_MAX_LENGTH[field.type] ?? 200;
      if ([...value].length > max) return `${name}不能超过 ${max} 个字`;
      return null;
    }
    case 'number':
    case 'amount': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return `${name}应为数字`;
      if (field.type === 'amount' && Math.round(value * 100) !== value * 100)
        return `${name}最多保留两位小数`;
      if (field.type === 'number' && !Number.isInteger(value)) return `${name}应为整数`;
      if (field.min !== undefined && value < field.min) return `${name}不能小于 ${field.min}`;
      if (field.max !== undefined && value > field.max) return `${name}不能大于 ${field.max}`;
      return null;
    }
    case 'date':
      return typeof value === 'string' && isRealDate(value) ? null : `${name}应为日期，格式如 2024-05-01`;
    case 'select':
      return typeof value === 'string' && (field.options ?? []).includes(value)
        ? null
        : `${name}应从给定选项中选择`;
    case 'multiselect':
      return Array.isArray(value) &&
        value.every((v) => typeof v === 'string' && (field.options ?? []).includes(v)) &&
        new Set(value).size === value.length
        ? null
        : `${name}应从给定选项中选择（可多选，不重复）`;
    case 'phone':
      return typeof value === 'string' && PHONE.test(value) ? null : `${name}应为 11 位手机号`;
    case 'idNumber': {
      if (typeof value !== 'string') return `${name}应为身份证号`;
      const violation = checkIdNumber(value.trim().toUpperCase());
      return violation ? `${name}：${ID_NUMBER_PROBLEMS[violation.rule] ?? '身份证号不正确'}` : null;
    }
    case 'boolean':
      return typeof value === 'boolean' ? null : `${name}应为“是”或“否”`;
  }
}

/**
 * Checks submitted values against a form: every required field present, every value of its type
 * and within its limits, no values for fields the form does not have. Each problem names its
 * path (`<prefix>.<key>`) and the field's label.
 */
export function validateFormData(form: FormDefinition, data: FormData, prefix = 'body.data'): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const known = new Set(form.fields.map((f) => f.key));
  for (const key of Object.keys(data)) {
    if (!known.has(key)) problems.push({ path: `${prefix}.${key}`, message: `表单中没有“${key}”这一项` });
  }
  for (const field of form.fields) {
    const value = data[field.key];
    const path = `${prefix}.${field.key}`;
    if (isBlank(value)) {
      if (field.required) problems.push({ path, message: `请填写「${field.label}」`, rule: 'form.required' });
      continue;
    }
    const problem = checkValue(field, value);
    if (problem) problems.push({ path, message: problem, rule: `form.${field.type}` });
  }
  return problems;
}

/**
 * Problems of a form definition itself (written by union staff): keys unique, options where a
 * choice needs them, sensible limits.
 */
export function checkFormDefinition(form: FormDefinition, prefix = 'body.form'): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const seen = new Set<string>();
  form.fields.forEach((field, i) => {
    const path = `${prefix}.fields.${i}`;
    if (seen.has(field.key)) problems.push({ path: `${path}.key`, message: `字段标识“${field.key}”重复` });
    seen.add(field.key);
    const choice = field.type === 'select' || field.type === 'multiselect';
    if (choice && !field.options?.length)
      problems.push({ path: `${path}.options`, message: `「${field.label}」是选择题，需要给出选项` });
    if (!choice && field.options)
      problems.push({ path: `${path}.options`, message: `「${field.label}」不是选择题，不需要选项` });
    if (field.min !== undefined && field.max !== undefined && field.min > field.max)
      problems.push({ path: `${path}.min`, message: `「${field.label}」的最小值大于最大值` });
  });
  return problems;
}

/** The value as a person reads it on a timeline or in an export. */
export function formatFormValue(field: FormField, value: unknown): string {
  if (isBlank(value)) return '';
  if (field.type === 'boolean') return value ? '是' : '否';
  if (Array.isArray(value)) return value.join('、');
  if (field.type === 'amount' && typeof value === 'number') return `${value.toFixed(2)} 元`;
  return String(value);
}
