import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App as AntdApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { describe, expect, test, vi } from 'vitest';
import { adminApi } from '../../../lib/api';
import { json, mockFetch } from '../../../test/http';
import { PiiReasonModal } from './pii-reason-modal';

describe('PiiReasonModal', () => {
  test('refuses an empty reason, then sends the reason and hands back the full record', async () => {
    adminApi.tokens.set({ accessToken: 'a', refreshToken: 'r', expiresIn: 900 });
    const { fetch, calls } = mockFetch(() =>
      json(200, { idNumber: '41010519900307123X', phone: '13837100001' }),
    );
    vi.stubGlobal('fetch', fetch);
    const onRead = vi.fn();
    render(
      <ConfigProvider locale={zhCN}>
        <AntdApp>
          <PiiReasonModal memberId={7} onClose={() => undefined} onRead={onRead} />
        </AntdApp>
      </ConfigProvider>,
    );

    expect(screen.getByText('请填写查看原因，将记入审计日志')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /确\s*定/ }));
    expect(await screen.findByText('请填写查看原因（至少 2 个字）')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('请填写查看原因，将记入审计日志'), { target: { value: '   ' } });
    fireEvent.click(screen.getByRole('button', { name: /确\s*定/ }));
    await waitFor(() => expect(screen.getByText('请填写查看原因（至少 2 个字）')).toBeTruthy());
    expect(calls).toHaveLength(0);

    fireEvent.change(screen.getByLabelText('请填写查看原因，将记入审计日志'), {
      target: { value: ' 核对困难帮扶申请 ' },
    });
    fireEvent.click(screen.getByRole('button', { name: /确\s*定/ }));
    await waitFor(() =>
      expect(onRead).toHaveBeenCalledWith({ idNumber: '41010519900307123X', phone: '13837100001' }),
    );
    expect(calls[0]?.url).toBe('/api/v1/members/7/pii');
    expect(calls[0]?.body).toEqual({ reason: '核对困难帮扶申请' });
  });
});
