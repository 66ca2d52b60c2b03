import { screen, waitFor } from '@testing-library/react';
import { Route } from 'react-router';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { adminApi } from '../../../lib/api';
import { json, mockFetch } from '../../../test/http';
import { renderAt } from '../../../test/render';
import { RequireStaff } from '../../auth/components/require-staff';
import { MemberStatsPage } from './member-stats-page';

// ECharts needs a canvas that jsdom lacks; the test checks what the page gives the charts.
const drawn: unknown[] = [];
vi.mock('../components/chart', () => ({
  Chart: ({ option }: { option: unknown }) => {
    drawn.push(option);
    return <div data-testid="chart" />;
  },
}));

const me = {
  user: {
    id: 1,
    kind: 'staff',
    username: 'jinshui_staff',
    displayName: '李华',
    roles: ['staff'],
    totpEnabled: false,
    phoneMasked: null,
    lastLoginAt: null,
  },
  org: { id: 21, name: '金水区总工会', level: 'county', regionCode: '410105' },
  permissions: ['member.read'],
};

const months = (counts: number[]) =>
  counts.map((count, i) => ({ key: `2026-${String(i + 1).padStart(2, '0')}`, count }));

describe('MemberStatsPage', () => {
  beforeEach(() => {
    drawn.length = 0;
    adminApi.tokens.set({ accessToken: 'a', refreshToken: 'r', expiresIn: 900 });
  });

  test('shows the subtree’s figures with Chinese labels', async () => {
    const { fetch, calls } = mockFetch(({ url }) => {
      if (url.endsWith('/me')) return json(200, me);
      return json(200, {
        orgId: 21,
        orgName: '金水区总工会',
        active: 1234,
        byStatus: [
          { key: 'active', count: 1234 },
          { key: 'left', count: 16 },
        ],
        byGender: [
          { key: 'male', count: 700 },
          { key: 'female', count: 534 },
        ],
        byAgeBand: [
          { key: 'under25', count: 100 },
          { key: '25-34', count: 1134 },
        ],
        byCategory: [{ key: 'migrant_worker', count: 300 }],
        joinsByMonth: months([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]),
        leavesByMonth: months([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2]),
      });
    });
    vi.stubGlobal('fetch', fetch);
    renderAt(
      '/admin/stats',
      <Route
        path="/admin/stats"
        element={
          <RequireStaff>
            <MemberStatsPage />
          </RequireStaff>
        }
      />,
      {
        client: adminApi,
        kind: 'staff',
        antd: true,
      },
    );
    await waitFor(() => expect(screen.getByText(/统计范围：金水区总工会/)).toBeTruthy());
    expect(calls.some((c) => c.url.endsWith('/orgs/21/stats'))).toBe(true);
    expect(screen.getByText('1,234')).toBeTruthy();
    expect(screen.getByText('78')).toBeTruthy();
    const text = JSON.stringify(drawn);
    for (const label of ['在册', '已离会', '男', '女', '25以下', '农民工']) expect(text).toContain(label);
  });
});
