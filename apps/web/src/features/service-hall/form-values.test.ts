import type { FormDefinition } from '@unionhub/contracts';
import { describe, expect, test } from 'vitest';
import {
  checkForm,
  checkSlots,
  deadlineInfo,
  errorsByField,
  toInputValues,
  toSubmission,
} from './form-values';

const form: FormDefinition = {
  fields: [
    { key: 'name', label: '姓名', type: 'text', required: true },
    { key: 'story', label: '情况说明', type: 'textarea', required: false, maxLength: 10 },
    { key: 'size', label: '家庭人口', type: 'number', required: true, min: 1, max: 20 },
    { key: 'income', label: '月收入', type: 'amount', required: true },
    { key: 'day', label: '日期', type: 'date', required: true },
    { key: 'kind', label: '类型', type: 'select', required: true, options: ['甲', '乙'] },
    { key: 'times', label: '时段', type: 'multiselect', required: true, options: ['上午', '下午'] },
    { key: 'phone', label: '电话', type: 'phone', required: true },
    { key: 'idNo', label: '身份证号', type: 'idNumber', required: true },
    { key: 'before', label: '是否领取过', type: 'boolean', required: true },
  ],
};

describe('form values', () => {
  test('every required field of every type is named when empty, in the field’s own words', () => {
    const errors = checkForm(form, {});
    expect(errors).toEqual({
      name: '请填写「姓名」',
      size: '请填写「家庭人口」',
      income: '请填写「月收入」',
      day: '请填写「日期」',
      kind: '请填写「类型」',
      times: '请填写「时段」',
      phone: '请填写「电话」',
      idNo: '请填写「身份证号」',
      before: '请填写「是否领取过」',
    });
  });

  test('wrong values are caught per type before anything is sent', () => {
    const errors = checkForm(form, {
      name: '张三',
      story: '这段说明一共超过了十个字呢',
      size: '2.5',
      income: '12.345',
      day: '2024-02-30',
      kind: '丙',
      times: ['上午'],
      phone: '1380013800',
      idNo: '410105198503120031',
      before: false,
    });
    expect(errors.story).toBe('「情况说明」不能超过 10 个字');
    expect(errors.size).toBe('「家庭人口」应为整数');
    expect(errors.income).toBe('「月收入」最多保留两位小数');
    expect(errors.day).toContain('应为日期');
    expect(errors.kind).toBe('「类型」应从给定选项中选择');
    expect(errors.phone).toBe('「电话」应为 11 位手机号');
    expect(errors.idNo).toContain('校验码');
    expect(errors.times).toBeUndefined();
    expect(errors.before).toBeUndefined();
    expect(checkForm(form, { size: '30' }).size).toBe('「家庭人口」不能大于 20');
    expect(checkForm(form, { size: '四' }).size).toBe('「家庭人口」应为数字');
  });

  test('typed text becomes the data the API expects, and back', () => {
    const data = toSubmission(form, {
      name: ' 张三 ',
      size: '4',
      income: '2600.5',
      idNo: '41010519850312003x',
      times: [],
      before: false,
      unknown: 'dropped',
    });
    expect(data).toEqual({
      name: '张三',
      size: 4,
      income: 2600.5,
      idNo: '41010519850312003X',
      before: false,
    });
    expect(toInputValues(form, data)).toMatchObject({ size: '4', income: '2600.5', before: false });
  });

  test('server problems land on their field; file and other problems are kept apart', () => {
    expect(
      errorsByField([
        { path: 'body.data.size', message: '「家庭人口」不能小于 1' },
        { path: 'body.attachments.0', message: '请上传「困难证明」' },
        { path: 'body.serviceId', message: '服务已下架' },
      ]),
    ).toEqual({ size: '「家庭人口」不能小于 1', _files: '请上传「困难证明」', _form: '服务已下架' });
  });

  test('required document slots and their limits', () => {
    const t = (key: string, p: Record<string, unknown>) => `${key}:${p.label}:${p.count ?? ''}`;
    const slots = [
      { key: 'proof', label: '证明', required: true, maxCount: 1, kinds: ['image' as const] },
      { key: 'other', label: '其他', required: false, maxCount: 2, kinds: ['pdf' as const] },
    ];
    expect(checkSlots(slots, {}, t)).toEqual({ proof: 'hall.needFile:证明:' });
    expect(checkSlots(slots, { proof: 2 }, t)).toEqual({ proof: 'hall.tooManyFiles:证明:1' });
    expect(checkSlots(slots, { proof: 1 }, t)).toEqual({});
  });
});

describe('deadlines', () => {
  const now = new Date('2024-05-10T08:00:00Z');
  test('days left are counted up to the deadline, days over past it', () => {
    expect(deadlineInfo('2024-05-12T08:00:00Z', now)).toEqual({ days: 2, overdue: false });
    expect(deadlineInfo('2024-05-10T20:00:00Z', now)).toEqual({ days: 1, overdue: false });
    expect(deadlineInfo('2024-05-07T07:00:00Z', now)).toEqual({ days: 4, overdue: true });
    expect(deadlineInfo(null, now)).toBeNull();
  });
});
