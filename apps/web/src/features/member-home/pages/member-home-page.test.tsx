import { fireEvent, screen } from '@testing-library/react';
import { Route } from 'react-router';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { memberApi } from '../../../lib/api';
import { apiError, json, mockFetch } from '../../../test/http';
import { renderAt } from '../../../test/render';
import { MemberHomePage } from './member-home-page';

function renderHome() {
  return renderAt('/m', <Route path="/m" element={<MemberHomePage />} />, {
    client: memberApi,
    kind: 'member',
  });
}

const application = {
  id: 1,
  orgId: 5,
  orgName: '郑州绿城物业服务有限公司工会',
  name: '王小明',
  idNumberMasked: '4101**********0011',
  phoneMasked: '139****0001',
  employerName: null,
  employerCreditCode: null,
  status: 'pending',
  contactDeadline: '2027-01-05',
  overdue: false,
  decisionReason: null,
  decidedAt: null,
  memberId: null,
  createdAt: '2026-12-14T02:00:00.000Z',
};

describe('MemberHomePage', () => {
  afterEach(() => vi.unstubAllGlobals());

  test('lists the eight services, opens the card and the hall, and says honestly which are not open yet', async () => {
    renderHome();

    const names = [
      '我要入会',
      '会员卡',
      '服务大厅',
      '法律咨询',
      '困难帮扶',
      '就业服务',
      '技能培训',
      '优惠商家',
    ];
    for (const name of names) expect(screen.getByRole('button', { name: new RegExp(name) })).toBeTruthy();
    expect(screen.getAllByText('即将开放')).toHaveLength(2);
    expect(screen.getByRole('button', { name: /就业服务/ }).textContent).not.toContain('即将开放');
    expect(screen.getByRole('button', { name: /服务大厅/ }).textContent).not.toContain('即将开放');
    expect(screen.getByRole('button', { name: /会员卡/ }).textContent).not.toContain('即将开放');
    expect(screen.getByRole('button', { name: /我要入会/ }).textContent).not.toContain('即将开放');
    expect(screen.getByRole('button', { name: /困难帮扶/ }).textContent).not.toContain('即将开放');
    expect(screen.getByRole('button', { name: /法律咨询/ }).textContent).not.toContain('即将开放');

    fireEvent.click(screen.getByRole('button', { name: /优惠商家/ }));
    expect(await screen.findByText('「优惠商家」即将开放，敬请期待')).toBeTruthy();
  });

  test('a member sees the card on top, no 我要入会, and the unread count on the bell', async () => {
    const { fetch } = mockFetch(({ url }) => {
      if (url.endsWith('/me/card'))
        return json(200, {
          cardNo: '4101052600000017',
          token: 'UHC1.token',
          expiresAt: new Date(Date.now() + 60_000).toISOString(),
          memberName: '李**',
          orgName: '河南中原建设集团有限公司工会委员会',
          status: 'active',
        });
      if (url.includes('/me/notifications?unread=true'))
        return json(200, {
          items: [
            {
              id: 2,
              topic: 'membership',
              kind: 'join.accepted',
              title: '入会申请已通过',
              body: '您已入会',
              link: null,
              readAt: null,
              createdAt: '2026-12-14T02:00:00.000Z',
            },
          ],
          total: 1,
          unread: 1,
        });
      return apiError(404, 'NOT_FOUND');
    });
    vi.stubGlobal('fetch', fetch);
    renderHome();
    expect(await screen.findByText('我的会员卡')).toBeTruthy();
    expect(screen.getByText('4101 0526 0000 0017')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /我要入会/ })).toBeNull();
    expect(await screen.findByRole('button', { name: '消息，1 条未读' })).toBeTruthy();
  });

  test('an applicant sees the date the union promised to call by', async () => {
    const { fetch } = mockFetch(({ url }) => {
      if (url.endsWith('/me/card')) return apiError(404, 'CARD_NOT_FOUND');
      if (url.endsWith('/me/join-applications')) return json(200, { items: [application] });
      if (url.endsWith('/me/services')) return apiError(403, 'MEMBERSHIP_REQUIRED');
      return json(200, { items: [] });
    });
    vi.stubGlobal('fetch', fetch);
    renderHome();
    expect(await screen.findByText('入会申请审核中')).toBeTruthy();
    expect(screen.getByText('工会将在 2027 年 1 月 5 日前与您联系')).toBeTruthy();
  });

  test('a worker who never applied is invited to apply', async () => {
    const { fetch } = mockFetch(({ url }) => {
      if (url.endsWith('/me/card')) return apiError(404, 'CARD_NOT_FOUND');
      if (url.endsWith('/me/services')) return apiError(403, 'MEMBERSHIP_REQUIRED');
      return json(200, { items: [] });
    });
    vi.stubGlobal('fetch', fetch);
    renderHome();
    expect(await screen.findByText('您还不是工会会员')).toBeTruthy();
    expect(screen.getByRole('button', { name: /申请入会/ })).toBeTruthy();
  });
});
