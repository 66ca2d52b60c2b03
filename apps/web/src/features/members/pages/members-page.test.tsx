import { fireEvent, screen, waitFor } from '@testing-library/react';
import { Route } from 'react-router';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { adminApi } from '../../../lib/api';
import { apiError, json, mockFetch } from '../../../test/http';
import { renderAt } from '../../../test/render';
import { RequireStaff } from '../../auth/components/require-staff';
import { buildMemberQuery } from '../query';
import { MembersPage } from './members-page';

const me = {
  user: {
    id: 3,
    kind: 'staff',
    username: 'jinshui_staff',
    displayName: '李强',
    roles: ['staff'],
    totpEnabled: false,
    phoneMasked: null,
    lastLoginAt: null,
  },
  org: { id: 9, name: '金水区总工会', level: 'county', regionCode: '410105' },
  permissions: ['org.read', 'member.read', 'member.write', 'member.pii'],
};

const member = {
  id: 1,
  orgId: 20,
  orgName: '郑州绿城物业服务有限公司工会',
  name: '张伟',
  idNumberMasked: '4101**********123X',
  phoneMasked: '138****0001',
  gender: 'male',
  birthDate: '1990-03-07',
  employerName: '郑州绿城物业服务有限公司',
  employerId: null,
  joinedOn: '2024-05-01',
  status: 'active',
  categories: ['migrant_worker'],
  cardNo: null,
  createdAt: '2024-05-01T00:00:00Z',
  updatedAt: '2024-05-01T00:00:00Z',
};

describe('buildMemberQuery', () => {
  test('leaves blank filters out, trims the keyword and carries paging and sort', () => {
    expect(buildMemberQuery({ q: '  ' }, 1, 20)).toEqual({ page: 1, pageSize: 20 });
    expect(
      buildMemberQuery({ q: ' jsq ', status: 'left', category: 'veteran', orgId: 12 }, 3, 50, '-joinedOn'),
    ).toEqual({
      q: 'jsq',
      status: 'left',
      category: 'veteran',
      orgId: 12,
      sort: '-joinedOn',
      page: 3,
      pageSize: 50,
    });
  });
});

describe('MembersPage', () => {
  beforeEach(() => {
    adminApi.tokens.set({ accessToken: 'a', refreshToken: 'r', expiresIn: 900 });
  });

  test('lists masked members and asks again with the keyword when searched', {
    timeout: 20_000,
  }, async () => {
    const { fetch, calls } = mockFetch(({ url }) => {
      const path = url.replace('/api/v1', '');
      if (path === '/me') return json(200, me);
      if (path.startsWith('/members')) return json(200, { items: [member], total: 1 });
      if (path === '/orgs/9') return json(200, { id: 9, name: '金水区总工会', childCount: 0 });
      return apiError(404, 'NOT_FOUND');
    });
    vi.stubGlobal('fetch', fetch);
    renderAt(
      '/admin/members',
      <Route
        path="/admin/members"
        element={
          <RequireStaff>
            <MembersPage />
          </RequireStaff>
        }
      />,
      { client: adminApi, kind: 'staff', antd: true },
    );

    expect(await screen.findByText('4101**********123X', {}, { timeout: 5000 })).toBeTruthy();
    expect(screen.getByText('138****0001')).toBeTruthy();
    expect(screen.getByText('农民工')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /导出/ })).toBeNull();
    const first = new URL(calls.find((c) => c.url.includes('/members'))!.url, 'http://x');
    expect(Object.fromEntries(first.searchParams)).toEqual({ page: '1', pageSize: '20' });

    fireEvent.change(screen.getByPlaceholderText('姓名、拼音、身份证号或手机号'), {
      target: { value: ' 张伟 ' },
    });
    fireEvent.click(screen.getByRole('button', { name: /查\s*询/ }));
    await waitFor(() => {
      const last = new URL(calls.filter((c) => c.url.includes('/members')).at(-1)!.url, 'http://x');
      expect(Object.fromEntries(last.searchParams)).toEqual({ q: '张伟', page: '1', pageSize: '20' });
    });
  });
});
