import { fireEvent, render, screen } from '@testing-library/react';
import { idNumberCheckChar } from '@unionhub/contracts';
import { App as AntdApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { describe, expect, test, vi } from 'vitest';
import { mockFetch } from '../../../test/http';
import { MemberFormModal } from './member-form-modal';

function renderForm() {
  return render(
    <ConfigProvider locale={zhCN}>
      <AntdApp>
        <MemberFormModal open onClose={() => undefined} onSaved={() => undefined} />
      </AntdApp>
    </ConfigProvider>,
  );
}

describe('MemberFormModal', () => {
  test('names the ID-number rule that is broken, in Chinese, before anything is sent', {
    timeout: 20_000,
  }, async () => {
    const { fetch, calls } = mockFetch(() => new Response(null, { status: 500 }));
    vi.stubGlobal('fetch', fetch);
    renderForm();
    const input = screen.getByLabelText('身份证号');

    const first17 = '41010519900307123';
    const right = idNumberCheckChar(first17);
    const wrong = right === '0' ? '1' : '0';
    fireEvent.change(input, { target: { value: `${first17}${wrong}` } });
    fireEvent.blur(input);
    expect(await screen.findByText('身份证号最后一位校验码不正确，请核对是否有录错的数字')).toBeTruthy();

    fireEvent.change(input, { target: { value: '41010519901345123X' } });
    fireEvent.blur(input);
    expect(await screen.findByText('身份证号中的出生日期（第 7–14 位）不是有效日期')).toBeTruthy();

    fireEvent.change(input, { target: { value: '4101051990' } });
    fireEvent.blur(input);
    expect(await screen.findByText('身份证号应为 18 位：前 17 位是数字，最后一位是数字或 X')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: /保\s*存/ }));
    expect(await screen.findByText('请选择所属基层工会')).toBeTruthy();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });
});
