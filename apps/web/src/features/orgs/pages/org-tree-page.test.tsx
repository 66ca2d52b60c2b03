import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route } from 'react-router';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { adminApi } from '../../../lib/api';
import { apiError, json, mockFetch } from '../../../test/http';
import { renderAt } from '../../../test/render';
import { RequireStaff } from '../../auth/components/require-staff';
import { OrgTreePage } from './org-tree-page';

const org = (id: number, parentId: number | null, name: string, level: string, childCount: number) => ({
  id,
  parentId,
  name,
  level,
  kind: 'regular',
  regionCode: level === 'grassroots' ? null : `41${String(id).padStart(4, '0')}`,
  depth: parentId ? 2 : 1,
  childCount,
  status: 'active',
});

const me = {
  user: {
    id: 1,
    kind: 'staff',
    username: 'province_admin',
    displayName: '王敏',
    roles: ['org_admin'],
    totpEnabled: false,
    phoneMasked: null,
    lastLoginAt: '2025-11-20T08:30:00Z',
  },
  org: { id: 1, name: '河南省总工会', level: 'province', regionCode: '410000' },
  permissions: ['org.read'],
};

const orgs: Record<string, unknown> = {
  '/orgs/1': org(1, null, '河南省总工会', 'province', 2),
  '/orgs/1/children': { items: [org(2, 1, '郑州市总工会', 'city', 1), org(3, 1, '开封市总工会', 'city', 0)] },
  '/orgs/2/children': { items: [org(4, 2, '金水区总工会', 'county', 0)] },
};

function renderTree() {
  return renderAt(
    '/admin/orgs',
    <Route
      path="/admin/orgs"
      element={
        <RequireStaff>
          <OrgTreePage />
        </RequireStaff>
      }
    />,
    { client: adminApi, kind: 'staff', antd: true },
  );
}

describe('OrgTreePage', () => {
  beforeEach(() => {
    adminApi.tokens.set({ accessToken: 'a', refreshToken: 'r', expiresIn: 900 });
  });

  test('shows the caller’s org, loads children on expand and details on select', async () => {
    const { fetch, calls } = mockFetch(({ url }) => {
      const path = url.replace('/api/v1', '');
      if (path === '/me') return json(200, me);
      return path in orgs ? json(200, orgs[path]) : apiError(404, 'ORG_NOT_FOUND');
    });
    vi.stubGlobal('fetch', fetch);
    renderTree();

    await waitFor(() => expect(document.querySelector('.ant-tree')).not.toBeNull());
    const tree = () => document.querySelector('.ant-tree') as HTMLElement;
    expect(await within(tree()).findByText('郑州市总工会')).toBeTruthy();
    const detail = () => screen.getByText('组织详情').closest('.ant-card') as HTMLElement;
    expect(within(detail()).getByText('410001')).toBeTruthy();
    expect(within(detail()).getByText('省总工会')).toBeTruthy();
    expect(calls.some((c) => c.url.endsWith('/orgs/2/children'))).toBe(false);

    fireEvent.click(within(tree()).getByText('郑州市总工会'));
    await waitFor(() => expect(within(detail()).getByText('市总工会')).toBeTruthy());
    expect(within(detail()).getByText('河南省总工会')).toBeTruthy();

    const zhengzhou = within(tree()).getByText('郑州市总工会').closest('.ant-tree-treenode') as HTMLElement;
    fireEvent.click(zhengzhou.querySelector('.ant-tree-switcher') as HTMLElement);
    expect(await within(tree()).findByText('金水区总工会')).toBeTruthy();
    expect(calls.filter((c) => c.url.endsWith('/orgs/2/children'))).toHaveLength(1);

    const kaifeng = within(tree()).getByText('开封市总工会').closest('.ant-tree-treenode') as HTMLElement;
    expect(kaifeng.querySelector('.ant-tree-switcher-noop, .ant-tree-switcher-leaf-line')).not.toBeNull();
  });

  test('an unauthenticated visit is sent to sign-in with a way back', async () => {
    adminApi.tokens.clear();
    vi.stubGlobal('fetch', mockFetch(() => apiError(401, 'UNAUTHENTICATED')).fetch);
    renderTree();

    await waitFor(() =>
      expect(screen.getByTestId('location').textContent).toBe('/admin/login?next=%2Fadmin%2Forgs'),
    );
  });
});
