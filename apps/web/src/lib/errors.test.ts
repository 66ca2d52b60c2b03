import { ErrorCodes } from '@unionhub/contracts';
import { describe, expect, test } from 'vitest';
import { ApiError } from './api';
import { describeError } from './errors';
import { i18n } from './i18n';

const zh = i18n.getFixedT('zh-CN');
const en = i18n.getFixedT('en');

const apiError = (code: string, extra: Partial<ConstructorParameters<typeof ApiError>[0]> = {}) =>
  new ApiError({ status: 400, code, message: 'server text', ...extra });

describe('describeError', () => {
  test('every API error code has its own Chinese and English message', () => {
    for (const code of [...ErrorCodes, 'NETWORK_ERROR', 'BAD_RESPONSE']) {
      for (const t of [zh, en]) {
        const { message } = describeError(apiError(code), t);
        expect(message, code).not.toContain(code);
        expect(message, code).not.toBe('server text');
      }
    }
  });

  test('maps a code to the translated message', () => {
    expect(describeError(apiError('AUTH_INVALID_CREDENTIALS'), zh).message).toBe('用户名或密码错误。');
    expect(describeError(apiError('AUTH_INVALID_CREDENTIALS'), en).message).toBe(
      'Wrong username or password.',
    );
  });

  test('a wrong password warns how many attempts are left before the lockout', () => {
    const error = apiError('AUTH_INVALID_CREDENTIALS', { meta: { attemptsLeft: 2 } });
    expect(describeError(error, zh).message).toBe('用户名或密码错误。再输错 2 次，账号将被临时锁定。');
    expect(describeError(error, en).message).toBe(
      'Wrong username or password. 2 more failed attempts will lock the account.',
    );
  });

  test('a lockout says how many minutes to wait, rounded up', () => {
    const error = apiError('AUTH_ACCOUNT_LOCKED', { meta: { retryAfterSeconds: 61 } });
    expect(describeError(error, zh).message).toBe('登录失败次数过多，账号已被临时锁定，请 2 分钟后再试。');
    expect(describeError(apiError('AUTH_ACCOUNT_LOCKED'), zh).message).toBe('账号已被临时锁定，请稍后再试。');
  });

  test('a wrong one-time code says how many tries are left', () => {
    expect(describeError(apiError('AUTH_OTP_INVALID', { meta: { triesLeft: 3 } }), zh).message).toBe(
      '验证码不正确，还可以再试 3 次。',
    );
    expect(describeError(apiError('AUTH_OTP_INVALID', { meta: { triesLeft: 0 } }), zh).message).toBe(
      '验证码错误次数过多，请重新获取验证码。',
    );
  });

  test('field details name the field in the reader’s language', () => {
    const error = apiError('VALIDATION_FAILED', {
      details: [
        { path: 'body.newPassword', message: 'must NOT have fewer than 10 characters' },
        { path: 'body.rows.3.idNumber', message: 'bad check digit' },
      ],
      requestId: 'abc',
    });
    const described = describeError(error, zh);
    expect(described.message).toBe('填写的内容不符合要求，请检查后重试。');
    expect(described.details).toEqual(['新密码：至少 10 个字符', 'rows.3.idNumber：bad check digit']);
    expect(described.requestId).toBe('abc');
  });

  test('frequent validator wordings are translated', () => {
    const error = apiError('VALIDATION_FAILED', {
      details: [
        { path: 'body.extra', message: 'unknown field' },
        { path: 'body.totp', message: 'must match pattern "^[0-9]{6}$"' },
        { path: 'body.username', message: 'is required' },
      ],
    });
    expect(describeError(error, zh).details).toEqual([
      'extra：不是允许提交的字段',
      '动态验证码：格式不正确',
      '用户名：必须填写',
    ]);
    expect(describeError(error, en).details).toEqual([
      'extra: is not an allowed field',
      'Verification code: has the wrong format',
      'Username: is required',
    ]);
  });

  test('an unknown code still shows something useful, and so does a non-API error', () => {
    expect(describeError(apiError('SOMETHING_NEW'), zh).message).toContain('SOMETHING_NEW');
    expect(describeError(new Error('boom'), zh).message).toBe('系统出现异常，请稍后再试。');
  });
});
