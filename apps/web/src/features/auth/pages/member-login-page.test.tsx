import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { Route } from 'react-router';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { memberApi } from '../../../lib/api';
import { apiError, json, mockFetch } from '../../../test/http';
import { renderAt } from '../../../test/render';
import { MemberLoginPage } from './member-login-page';

/**
 * Moves the fake clock once React has run the effects of the last render, so the countdown's
 * interval is in place before time passes (on a busy machine it may not be yet otherwise).
 */
async function tick(ms: number) {
  await act(async () => {});
  await act(async () => {
    vi.advanceTimersByTime(ms);
  });
}

const member = {
  user: {
    id: 9,
    kind: 'member',
    username: null,
    displayName: '李师傅',
    roles: [],
    totpEnabled: false,
    phoneMasked: '138****8000',
    lastLoginAt: null,
  },
  org: null,
  permissions: ['self.read', 'self.write'],
};

function renderLogin() {
  return renderAt('/m/login', <Route path="/m/login" element={<MemberLoginPage />} />, {
    client: memberApi,
    kind: 'member',
  });
}

const phoneInput = () => screen.getByPlaceholderText('请输入 11 位手机号');
const codeInput = () => screen.getByPlaceholderText('请输入验证码');
const sendButton = () => screen.getByRole('button', { name: /获取验证码|秒后重发/ });

describe('MemberLoginPage', () => {
  beforeEach(() => {
    memberApi.tokens.clear();
  });

  test('refuses to send a code to a number that is not an 11-digit mobile', () => {
    const { fetch } = mockFetch(() => new Response(null, { status: 204 }));
    vi.stubGlobal('fetch', fetch);
    renderLogin();

    fireEvent.change(phoneInput(), { target: { value: '1380013' } });
    fireEvent.click(sendButton());
    expect(screen.getByText('请输入正确的 11 位手机号')).toBeTruthy();

    fireEvent.change(phoneInput(), { target: { value: '12800138000' } });
    fireEvent.click(sendButton());
    expect(screen.getByText('请输入正确的 11 位手机号')).toBeTruthy();
    expect(fetch).not.toHaveBeenCalled();
  });

  test('sends the code, then counts 60 seconds down before allowing another', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    const { fetch, calls } = mockFetch(() => new Response(null, { status: 204 }));
    vi.stubGlobal('fetch', fetch);
    renderLogin();

    fireEvent.change(phoneInput(), { target: { value: '13800138000' } });
    fireEvent.click(sendButton());

    await screen.findByRole('button', { name: '60 秒后重发' });
    expect(calls).toEqual([
      { method: 'POST', url: '/api/v1/auth/otp', body: { phone: '13800138000' }, authorization: null },
    ]);
    expect(sendButton().hasAttribute('disabled')).toBe(true);

    await tick(1000);
    expect(sendButton().textContent).toBe('59 秒后重发');

    fireEvent.click(sendButton());
    expect(calls).toHaveLength(1);

    await tick(59_000);
    expect(sendButton().textContent).toBe('获取验证码');
    expect(sendButton().hasAttribute('disabled')).toBe(false);
  });

  test('when asked to wait by the server, counts down the seconds it names', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    vi.stubGlobal(
      'fetch',
      mockFetch(() => apiError(429, 'AUTH_OTP_TOO_SOON', { meta: { retryAfterSeconds: 42 } })).fetch,
    );
    renderLogin();

    fireEvent.change(phoneInput(), { target: { value: '13800138000' } });
    fireEvent.click(sendButton());

    expect(await screen.findByText('获取验证码过于频繁，请 42 秒后再试。')).toBeTruthy();
    expect(sendButton().textContent).toBe('42 秒后重发');
  });

  test('a wrong code shows how many tries are left and clears the code', async () => {
    const { fetch } = mockFetch(({ url }) =>
      url.endsWith('/auth/otp/verify')
        ? apiError(400, 'AUTH_OTP_INVALID', { meta: { triesLeft: 2 } })
        : json(200, {}),
    );
    vi.stubGlobal('fetch', fetch);
    renderLogin();

    fireEvent.change(phoneInput(), { target: { value: '13800138000' } });
    fireEvent.change(codeInput(), { target: { value: '111111' } });
    fireEvent.click(screen.getByRole('button', { name: '登录' }));

    expect((await screen.findByRole('alert')).textContent).toBe('验证码不正确，还可以再试 2 次。');
    expect((codeInput() as HTMLInputElement).value).toBe('');
  });

  test('a right code signs in and opens the member home', async () => {
    const { fetch, calls } = mockFetch(({ url }) => {
      if (url.endsWith('/auth/otp/verify'))
        return json(200, { accessToken: 'm1', refreshToken: 'mr1', expiresIn: 900 });
      if (url.endsWith('/me')) return json(200, member);
      return apiError(404, 'NOT_FOUND');
    });
    vi.stubGlobal('fetch', fetch);
    renderLogin();

    fireEvent.change(phoneInput(), { target: { value: '13800138000' } });
    fireEvent.change(codeInput(), { target: { value: '246810' } });
    fireEvent.click(screen.getByRole('button', { name: '登录' }));

    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/m'));
    expect(calls[0]?.body).toEqual({ phone: '13800138000', code: '246810' });
    expect(memberApi.tokens.get()?.accessToken).toBe('m1');
  });

  test('asks for a 6-digit code before calling the server', () => {
    const { fetch } = mockFetch(() => json(200, {}));
    vi.stubGlobal('fetch', fetch);
    renderLogin();

    fireEvent.change(phoneInput(), { target: { value: '13800138000' } });
    fireEvent.change(codeInput(), { target: { value: '12a3' } });
    fireEvent.click(screen.getByRole('button', { name: '登录' }));

    expect(screen.getByText('请输入 6 位数字验证码')).toBeTruthy();
    expect(fetch).not.toHaveBeenCalled();
  });
});
