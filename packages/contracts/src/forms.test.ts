import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkFormDefinition, type FormDefinition, formatFormValue, validateFormData } from './forms.js';
import { idNumberCheckChar } from './validators.js';

const form: FormDefinition = {
  fields: [
    { key: 'reason', label: '申请事由', type: 'textarea', required: true, maxLength: 10 },
    { key: 'people', label: '家庭人口', type: 'number', required: false, min: 1, max: 20 },
    { key: 'amount', label: '申请金额', type: 'amount', required: false, max: 5000 },
    { key: 'since', label: '发生日期', type: 'date', required: false },
    { key: 'kind', label: '困难类型', type: 'select', required: true, options: ['因病', '因灾'] },
    { key: 'needs', label: '需要帮助', type: 'multiselect', required: false, options: ['医疗', '助学'] },
    { key: 'contact', label: '联系电话', type: 'phone', required: false },
    { key: 'spouseId', label: '配偶身份证号', type: 'idNumber', required: false },
    { key: 'agree', label: '同意公示', type: 'boolean', required: false },
  ],
};

const first17 = '41010519900307123';
const goodId = `${first17}${idNumberCheckChar(first17)}`;

describe('validateFormData', () => {
  it('accepts values of the right types within their limits', () => {
    expect(
      validateFormData(form, {
        reason: '住院治疗',
        people: 4,
        amount: 1200.5,
        since: '2026-02-28',
        kind: '因病',
        needs: ['医疗', '助学'],
        contact: '13837100001',
        spouseId: goodId,
        agree: true,
      }),
    ).toEqual([]);
  });

  it('names every missing required field by its label', () => {
    expect(validateFormData(form, { reason: '  ' })).toEqual([
      { path: 'body.data.reason', message: '请填写「申请事由」', rule: 'form.required' },
      { path: 'body.data.kind', message: '请填写「困难类型」', rule: 'form.required' },
    ]);
  });

  it('reports each wrong value with the rule of its type', () => {
    const problems = validateFormData(form, {
      reason: '这段话超过了十个字的上限啊',
      people: 2.5,
      amount: 10.005,
      since: '2026-02-30',
      kind: '因故',
      needs: ['医疗', '医疗'],
      contact: '12345',
      spouseId: `${first17}${idNumberCheckChar(first17) === '0' ? '1' : '0'}`,
      agree: 'yes',
      extra: 1,
    });
    expect(Object.fromEntries(problems.map((p) => [p.path, p.message]))).toEqual({
      'body.data.extra': '表单中没有“extra”这一项',
      'body.data.reason': '「申请事由」不能超过 10 个字',
      'body.data.people': '「家庭人口」应为整数',
      'body.data.amount': '「申请金额」最多保留两位小数',
      'body.data.since': '「发生日期」应为日期，格式如 2024-05-01',
      'body.data.kind': '「困难类型」应从给定选项中选择',
      'body.data.needs': '「需要帮助」应从给定选项中选择（可多选，不重复）',
      'body.data.contact': '「联系电话」应为 11 位手机号',
      'body.data.spouseId': '「配偶身份证号」：身份证号最后一位校验码不正确',
      'body.data.agree': '「同意公示」应为“是”或“否”',
    });
  });

  it('enforces number bounds', () => {
    expect(validateFormData(form, { reason: 'a', kind: '因灾', people: 0 })[0]?.message).toBe(
      '「家庭人口」不能小于 1',
    );
    expect(validateFormData(form, { reason: 'a', kind: '因灾', amount: 5000.01 })[0]?.message).toBe(
      '「申请金额」不能大于 5000',
    );
  });

  it('never throws, whatever the values are', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.anything()), (data) => {
        expect(Array.isArray(validateFormData(form, data))).toBe(true);
      }),
    );
  });
});

describe('checkFormDefinition', () => {
  it('finds duplicate keys, choices without options and options without a choice', () => {
    const problems = checkFormDefinition({
      fields: [
        { key: 'a', label: '甲', type: 'select', required: true },
        { key: 'a', label: '乙', type: 'text', required: false, options: ['x'] },
        { key: 'c', label: '丙', type: 'number', required: false, min: 5, max: 1 },
      ],
    });
    expect(problems.map((p) => p.path)).toEqual([
      'body.form.fields.0.options',
      'body.form.fields.1.key',
      'body.form.fields.1.options',
      'body.form.fields.2.min',
    ]);
  });
});

describe('formatFormValue', () => {
  it('reads as a person would write it', () => {
    expect(formatFormValue(form.fields[2]!, 1200.5)).toBe('1200.50 元');
    expect(formatFormValue(form.fields[5]!, ['医疗', '助学'])).toBe('医疗、助学');
    expect(formatFormValue(form.fields[8]!, false)).toBe('否');
    expect(formatFormValue(form.fields[0]!, undefined)).toBe('');
  });
});
