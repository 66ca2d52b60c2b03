import { fireEvent, screen, waitFor } from '@testing-library/react';
import { Route } from 'react-router';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { adminApi } from '../../../lib/api';
import { i18n } from '../../../lib/i18n';
import { apiError, type Call, json, mockFetch } from '../../../test/http';
import { renderAt } from '../../../test/render';
import { AdminLoginPage } from './admin-login-page';

const me = {
  user: {
    id: 1,
    kind: 'staff',
    username: 'province_admin',
    displayName: '王敏',
    roles: ['org_admin'],
    totpEnabled: true,
    phoneMasked: null,
    lastLoginAt: null,
  },
  org: { id: 1, name: '河南省总工会', level: 'province', regionCode: '410000' },
  permissions: ['org.read'],
};

function renderLogin(path = '/admin/login') {
  return renderAt(path, <Route path="/admin/login" element={<AdminLoginPage />} />, {
    client: adminApi,
    kind: 'staff',
    antd: true,
  });
}

function fillAndSubmit(username: string, password: string) {
  fireEvent.change(screen.getByLabelText('用户名'), { target: { value: username } });
  fireEvent.change(screen.getByLabelText('密码'), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: /登\s*录/ }));
}

describe('AdminLoginPage', () => {
  beforeEach(() => {
    adminApi.tokens.clear();
  });

  test('shows the translated message for wrong credentials', async () => {
    const { fetch } = mockFetch(() => apiError(401, 'AUTH_INVALID_CREDENTIALS'));
    vi.stubGlobal('fetch', fetch);
    renderLogin();

    fillAndSubmit('province_admin', 'wrong-password');

    expect(await screen.findByText('用户名或密码错误。')).toBeTruthy();
    expect(adminApi.tokens.get()).toBeNull();
  });

  test('tells a locked-out user how many minutes to wait, in English when chosen', async () => {
    await i18n.changeLanguage('en');
    const { fetch } = mockFetch(() =>
      apiError(423, 'AUTH_ACCOUNT_LOCKED', { meta: { retryAfterSeconds: 900 } }),
    );
    vi.stubGlobal('fetch', fetch);
    renderLogin();

    fireEvent.change(screen.getByLabelText('Username'), { target: { value: 'province_admin' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'x' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByText(/Try again in 15 min/)).toBeTruthy();
  });

  test('asks for the TOTP code when the account needs it, then signs in and goes back', async () => {
    const logins: Call[] = [];
    const { fetch } = mockFetch((call) => {
      if (call.url.endsWith('/auth/login')) {
        logins.push(call);
        return (call.body as { totp?: string }).totp === '123456'
          ? json(200, { accessToken: 'a', refreshToken: 'r', expiresIn: 900 })
          : apiError(400, 'AUTH_TOTP_REQUIRED');
      }
      if (call.url.endsWith('/me')) return json(200, me);
      return apiError(404, 'NOT_FOUND');
    });
    vi.stubGlobal('fetch', fetch);
    renderLogin('/admin/login?next=%2Fadmin%2Forgs');

    expect(screen.queryByLabelText('动态验证码')).toBeNull();
    fillAndSubmit('province_admin', 'correct-password');

    const totp = await screen.findByLabelText('动态验证码');
    expect(screen.queryByRole('alert', { name: /错误/ })).toBeNull();
    fireEvent.change(totp, { target: { value: '123456' } });
    fireEvent.click(screen.getByRole('button', { name: /登\s*录/ }));

    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/admin/orgs'));
    expect(logins.map((c) => c.body)).toEqual([
      { username: 'province_admin', password: 'correct-password' },
      { username: 'province_admin', password: 'correct-password', totp: '123456' },
    ]);
    expect(adminApi.tokens.get()?.accessToken).toBe('a');
  });

  test('does not send the form when a field is empty', async () => {
    const { fetch } = mockFetch(() => json(200, {}));
    vi.stubGlobal('fetch', fetch);
    renderLogin();

    fireEvent.click(screen.getByRole('button', { name: /登\s*录/ }));

    expect(await screen.findByText('请输入用户名')).toBeTruthy();
    expect(await screen.findByText('请输入密码')).toBeTruthy();
    expect(fetch).not.toHaveBeenCalled();
  });
});
