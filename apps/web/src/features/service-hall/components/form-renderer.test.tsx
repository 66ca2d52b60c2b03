import { fireEvent, render, screen } from '@testing-library/react';
import type { FormDefinition } from '@unionhub/contracts';
import { useState } from 'react';
import { describe, expect, test } from 'vitest';
import { checkForm, errorsByField, type FieldErrors, type FormValues } from '../form-values';
import { FormRenderer } from './form-renderer';

const form: FormDefinition = {
  fields: [
    { key: 'name', label: '姓名', type: 'text', required: true, help: '与身份证一致' },
    { key: 'story', label: '情况说明', type: 'textarea', required: false },
    { key: 'size', label: '家庭人口', type: 'number', required: true },
    { key: 'income', label: '月收入', type: 'amount', required: true },
    { key: 'day', label: '日期', type: 'date', required: true },
    { key: 'kind', label: '类型', type: 'select', required: true, options: ['甲类', '乙类'] },
    { key: 'times', label: '时段', type: 'multiselect', required: true, options: ['上午', '下午'] },
    { key: 'phone', label: '电话', type: 'phone', required: true },
    { key: 'idNo', label: '身份证号', type: 'idNumber', required: true },
    { key: 'before', label: '是否领取过', type: 'boolean', required: true },
  ],
};

function Harness({ initialErrors = {} }: { initialErrors?: FieldErrors }) {
  const [values, setValues] = useState<FormValues>({});
  const [errors, setErrors] = useState<FieldErrors>(initialErrors);
  return (
    <>
      <FormRenderer form={form} values={values} errors={errors} onChange={(v) => setValues(v)} />
      <button type="button" onClick={() => setErrors(checkForm(form, values))}>
        check
      </button>
      <output data-testid="values">{JSON.stringify(values)}</output>
    </>
  );
}

describe('FormRenderer', () => {
  test('renders one input per field type with its label, help and required mark', () => {
    const { container } = render(<Harness />);
    for (const f of form.fields) expect(screen.getByText(f.label)).toBeTruthy();
    expect(screen.getByText('与身份证一致')).toBeTruthy();
    expect(container.querySelectorAll('.uhm-ff-required')).toHaveLength(9);
    expect(container.querySelector('input[type=date]')).toBeTruthy();
    expect(container.querySelector('textarea')).toBeTruthy();
    expect(screen.getByText('甲类')).toBeTruthy();
    expect(screen.getByText('下午')).toBeTruthy();
    expect(screen.getByText('是')).toBeTruthy();
    expect(screen.getByText('否')).toBeTruthy();
  });

  test('collects typed values, choices and yes/no', () => {
    const { container } = render(<Harness />);
    fireEvent.change(container.querySelector('#field-name')!, { target: { value: '张三' } });
    fireEvent.change(container.querySelector('#field-day')!, { target: { value: '2024-05-01' } });
    fireEvent.click(screen.getByText('乙类'));
    fireEvent.click(screen.getByText('上午'));
    fireEvent.click(screen.getByText('下午'));
    fireEvent.click(screen.getByText('否'));
    expect(JSON.parse(screen.getByTestId('values').textContent ?? '{}')).toEqual({
      name: '张三',
      day: '2024-05-01',
      kind: '乙类',
      times: ['上午', '下午'],
      before: false,
    });
  });

  test('shows the browser’s check under each field', () => {
    render(<Harness />);
    fireEvent.click(screen.getByText('check'));
    expect(screen.getByText('请填写「姓名」')).toBeTruthy();
    expect(screen.getByText('请填写「是否领取过」')).toBeTruthy();
    expect(screen.queryByText('请填写「情况说明」')).toBeNull();
  });

  test('shows a server problem on the field it names', () => {
    const errors = errorsByField([{ path: 'body.data.phone', message: '「电话」应为 11 位手机号' }]);
    const { container } = render(<Harness initialErrors={errors} />);
    const field = container.querySelector('[data-field=phone]')!;
    expect(field.textContent).toContain('「电话」应为 11 位手机号');
    expect(field.className).toContain('uhm-ff-invalid');
  });
});
