import { fireEvent, screen } from '@testing-library/react';
import { Route } from 'react-router';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { adminApi } from '../../../lib/api';
import { json, mockFetch } from '../../../test/http';
import { renderAt } from '../../../test/render';
import { CardVerifyPage } from './card-verify-page';

/** A scanner ends each code with Enter: key down, then up. */
function enter(box: HTMLElement) {
  fireEvent.keyDown(box, { key: 'Enter', code: 'Enter', keyCode: 13 });
  fireEvent.keyUp(box, { key: 'Enter', code: 'Enter', keyCode: 13 });
}

describe('CardVerifyPage', () => {
  afterEach(() => vi.unstubAllGlobals());

  test('a scanner types the token and Enter: 有效 with the masked name; the same code again: 已使用', async () => {
    let checks = 0;
    const { fetch, calls } = mockFetch(({ url }) => {
      if (!url.endsWith('/cards/verify')) return json(404, {});
      checks++;
      return checks === 1
        ? json(200, {
            valid: true,
            reason: null,
            cardNo: '4101052600000017',
            maskedName: '李**',
            orgName: '河南中原建设集团有限公司工会委员会',
          })
        : json(200, { valid: false, reason: 'replayed', cardNo: null, maskedName: null, orgName: null });
    });
    vi.stubGlobal('fetch', fetch);
    renderAt('/admin/card-verify', <Route path="/admin/card-verify" element={<CardVerifyPage />} />, {
      client: adminApi,
      kind: 'staff',
      antd: true,
    });

    const box = screen.getByLabelText('二维码内容');
    fireEvent.change(box, { target: { value: 'UHC1.token-one\r\n' } });
    enter(box);
    const result = await screen.findByTestId('verify-result');
    expect(result.textContent).toContain('有效');
    expect(result.textContent).toContain('李**');
    expect(result.textContent).toContain('4101 0526 0000 0017');
    expect(calls.filter((c) => c.url.endsWith('/cards/verify')).map((c) => c.body)).toEqual([
      { token: 'UHC1.token-one' },
    ]);
    expect((box as HTMLInputElement).value).toBe('');

    fireEvent.change(box, { target: { value: 'UHC1.token-one' } });
    enter(box);
    await screen.findByText(/已使用/, { selector: '.uh-verify-word' });
    expect(screen.getByTestId('verify-result').textContent).toContain('无效 · 已使用');
    expect(screen.queryByText('李**', { selector: '.uh-verify-facts dd' })).toBeNull();
    // The camera needs BarcodeDetector, which jsdom lacks: the button says so instead of failing.
    expect(screen.getByRole('button', { name: /扫码/ }).hasAttribute('disabled')).toBe(true);
  });
});
