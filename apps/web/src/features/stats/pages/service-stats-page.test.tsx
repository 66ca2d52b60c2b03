import { screen, waitFor } from '@testing-library/react';
import { Route } from 'react-router';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { adminApi } from '../../../lib/api';
import { json, mockFetch } from '../../../test/http';
import { renderAt } from '../../../test/render';
import { ServiceStatsPage } from './service-stats-page';

// ECharts needs a canvas that jsdom lacks; the test checks what the page gives the chart.
const drawn: unknown[] = [];
vi.mock('../components/chart', () => ({
  Chart: ({ option }: { option: unknown }) => {
    drawn.push(option);
    return <div data-testid="chart" />;
  },
}));

const figures = (total: number, completed: number) => ({
  total,
  byState: { submitted: total - completed, completed },
  acceptHours: { median: 2, p90: 30 },
  completeHours: { median: 60, p90: null },
  overdue: 1,
  overdueShare: 0.25,
  ratings: 2,
  ratingAverage: 4.5,
  satisfiedShare: 1,
});

describe('ServiceStatsPage', () => {
  beforeEach(() => {
    drawn.length = 0;
    adminApi.tokens.set({ accessToken: 'a', refreshToken: 'r', expiresIn: 900 });
  });

  test('shows the period’s figures by service and by union, in words a cadre reads', async () => {
    const { fetch, calls } = mockFetch(() =>
      json(200, {
        org: { id: 2, name: '郑州市总工会' },
        from: '2026-10-26',
        to: '2026-11-24',
        totals: figures(4, 1),
        byService: [{ serviceId: 1, serviceName: '困难职工帮扶申请', ...figures(4, 1) }],
        byOrg: [
          { orgId: 2, orgName: '郑州市总工会', own: true, ...figures(1, 0) },
          { orgId: 3, orgName: '金水区总工会', own: false, ...figures(3, 1) },
        ],
      }),
    );
    vi.stubGlobal('fetch', fetch);
    renderAt('/admin/service-stats', <Route path="/admin/service-stats" element={<ServiceStatsPage />} />, {
      client: adminApi,
      kind: 'staff',
      antd: true,
    });
    await waitFor(() => expect(screen.getByText(/郑州市总工会及下级工会/)).toBeTruthy());
    expect(calls[0]!.url).toContain('/service-requests/stats?from=');
    expect(screen.getAllByText('25.0%').length).toBeGreaterThan(0);
    expect(screen.getByText('金水区总工会（含下级）')).toBeTruthy();
    expect(screen.getAllByText('2 小时 / 30 小时').length).toBeGreaterThan(0);
    expect(screen.getAllByText('2.5 天 / —').length).toBeGreaterThan(0);
    const text = JSON.stringify(drawn);
    for (const label of ['困难职工帮扶申请', '待受理', '已办结']) expect(text).toContain(label);
  });
});
