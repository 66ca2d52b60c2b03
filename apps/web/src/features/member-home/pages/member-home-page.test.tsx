import { fireEvent, screen } from '@testing-library/react';
import { Route } from 'react-router';
import { describe, expect, test } from 'vitest';
import { memberApi } from '../../../lib/api';
import { renderAt } from '../../../test/render';
import { MemberHomePage } from './member-home-page';

describe('MemberHomePage', () => {
  test('lists the eight services, opens the card and the hall, and says honestly which are not open yet', async () => {
    renderAt('/m', <Route path="/m" element={<MemberHomePage />} />, { client: memberApi, kind: 'member' });

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
    expect(screen.getAllByText('即将开放')).toHaveLength(6);
    expect(screen.getByRole('button', { name: /服务大厅/ }).textContent).not.toContain('即将开放');
    expect(screen.getByRole('button', { name: /会员卡/ }).textContent).not.toContain('即将开放');

    fireEvent.click(screen.getByRole('button', { name: /法律咨询/ }));
    expect(await screen.findByText('「法律咨询」即将开放，敬请期待')).toBeTruthy();
  });
});
