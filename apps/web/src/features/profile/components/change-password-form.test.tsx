import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App as AntdApp } from 'antd';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { adminApi } from '../../../lib/api';
import { apiError, json, mockFetch } from '../../../test/http';
import { ChangePasswordForm } from './change-password-form';

function fill(current: string, next: string, repeat = next) {
  fireEvent.change(screen.getByLabelText('当前密码'), { target: { value: current } });
  fireEvent.change(screen.getByLabelText('新密码'), { target: { value: next } });
  fireEvent.change(screen.getByLabelText('确认新密码'), { target: { value: repeat } });
  fireEvent.click(screen.getByRole('button', { name: '修改密码' }));
}

describe('ChangePasswordForm', () => {
  beforeEach(() => {
    adminApi.tokens.set({ accessToken: 'old', refreshToken: 'old-r', expiresIn: 900 });
  });

  test('keeps this session alive with the pair the server sends back', async () => {
    const { fetch, calls } = mockFetch(() =>
      json(200, { accessToken: 'new', refreshToken: 'new-r', expiresIn: 900 }),
    );
    vi.stubGlobal('fetch', fetch);
    render(
      <AntdApp>
        <ChangePasswordForm />
      </AntdApp>,
    );

    fill('Old-password-1', 'Brand-new-pass-2');

    await screen.findByText('密码已修改，其他设备上的登录已全部退出。');
    expect(calls[0]).toMatchObject({
      url: '/api/v1/me/password',
      body: { currentPassword: 'Old-password-1', newPassword: 'Brand-new-pass-2' },
      authorization: 'Bearer old',
    });
    expect(adminApi.tokens.get()).toMatchObject({ accessToken: 'new', refreshToken: 'new-r' });
  });

  test('checks length and repetition before sending, and names a wrong current password', async () => {
    const { fetch } = mockFetch(() =>
      apiError(401, 'AUTH_INVALID_CREDENTIALS', {
        details: [{ path: 'body.currentPassword', message: 'is wrong' }],
      }),
    );
    vi.stubGlobal('fetch', fetch);
    render(
      <AntdApp>
        <ChangePasswordForm />
      </AntdApp>,
    );

    fill('x', 'short', 'shorter');
    expect(await screen.findByText('新密码至少 10 位')).toBeTruthy();
    expect(await screen.findByText('两次输入的新密码不一致')).toBeTruthy();
    expect(fetch).not.toHaveBeenCalled();

    fill('wrong-current', 'Long-enough-pass', 'Long-enough-pass');
    expect(await screen.findByText('当前密码不正确。')).toBeTruthy();
    expect(screen.getByText('当前密码：不正确')).toBeTruthy();
    await waitFor(() => expect(adminApi.tokens.get()?.accessToken).toBe('old'));
  });
});
