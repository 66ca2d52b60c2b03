import { screen } from '@testing-library/react';
import { Route } from 'react-router';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { memberApi } from '../../../lib/api';
import { apiError, json, mockFetch } from '../../../test/http';
import { renderAt } from '../../../test/render';
import { MemberCardPage } from './member-card-page';

function renderCard() {
  return renderAt('/m/card', <Route path="/m/card" element={<MemberCardPage />} />, {
    client: memberApi,
    kind: 'member',
  });
}

describe('MemberCardPage', () => {
  afterEach(() => vi.unstubAllGlobals());

  test('shows the card with the number in fours, the QR code and the countdown', async () => {
    const expiresAt = new Date(Date.now() + 60_000).toISOString();
    const { fetch } = mockFetch(() =>
      json(200, {
        cardNo: '4101052600000017',
        token: 'UHC1.token',
        expiresAt,
        memberName: '李**',
        orgName: '河南中原建设集团有限公司工会委员会',
        status: 'active',
      }),
    );
    vi.stubGlobal('fetch', fetch);
    renderCard();
    expect(await screen.findByText('4101 0526 0000 0017')).toBeTruthy();
    expect(screen.getByText('中华全国总工会会员卡')).toBeTruthy();
    expect(screen.getByText('李**')).toBeTruthy();
    expect(screen.getByText(/二维码 4\d 秒后自动刷新/)).toBeTruthy();
    expect(await screen.findByAltText('会员卡二维码')).toBeTruthy();
  });

  test('says honestly that there is no card yet and points to joining', async () => {
    const { fetch } = mockFetch(() => apiError(404, 'CARD_NOT_FOUND'));
    vi.stubGlobal('fetch', fetch);
    renderCard();
    expect(await screen.findByText('您还没有会员卡')).toBeTruthy();
    expect(screen.getByRole('button', { name: /我要入会/ })).toBeTruthy();
  });
});
