import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App as AntdApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { describe, expect, test, vi } from 'vitest';
import { adminApi } from '../../../lib/api';
import { json, mockFetch } from '../../../test/http';
import { OrgSearchBox } from './org-search-box';

const hit = {
  id: 42,
  parentId: 2,
  name: '金水区总工会',
  level: 'county',
  kind: 'regular',
  regionCode: '410105',
  depth: 3,
  status: 'active',
  ancestors: [
    { id: 1, name: '河南省总工会' },
    { id: 2, name: '郑州市总工会' },
  ],
};

describe('OrgSearchBox', () => {
  test('searches by pinyin initials and shows where each union sits; a click picks it', async () => {
    adminApi.tokens.set({ accessToken: 'a', refreshToken: 'r', expiresIn: 900 });
    const { fetch, calls } = mockFetch(() => json(200, { items: [hit], total: 1 }));
    vi.stubGlobal('fetch', fetch);
    const onPick = vi.fn();
    render(
      <ConfigProvider locale={zhCN}>
        <AntdApp>
          <OrgSearchBox onPick={onPick} />
        </AntdApp>
      </ConfigProvider>,
    );

    fireEvent.change(screen.getByPlaceholderText(/输入工会名称或拼音首字母/), { target: { value: 'jsq' } });
    expect(await screen.findByText('河南省总工会 / 郑州市总工会')).toBeTruthy();
    const url = new URL(calls[0]!.url, 'http://x');
    expect(url.pathname).toBe('/api/v1/orgs/search');
    expect(url.searchParams.get('q')).toBe('jsq');

    fireEvent.click(screen.getByText('金水区总工会'));
    await waitFor(() => expect(onPick).toHaveBeenCalledWith(hit));
  });
});
