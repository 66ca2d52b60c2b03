import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { demoAccounts, lastSmsCode, smsTo } from '../support/demo.js';
import { SCREENSHOT_DIR } from '../support/paths.js';

test.beforeAll(() => mkdirSync(SCREENSHOT_DIR, { recursive: true }));

test('a worker signs in on the phone with the code from the SMS outbox', async ({ page }) => {
  const phone = demoAccounts().memberPhone;

  await page.goto('/m');
  await expect(page).toHaveURL(/\/m\/login/);
  await page.getByPlaceholder('请输入 11 位手机号').fill('1380013');
  await page.getByText('获取验证码').click();
  await expect(page.getByText('请输入正确的 11 位手机号')).toBeVisible();

  // Another journey may have signed this phone in before: wait for the new message, not an old one.
  const sent = smsTo(phone).length;
  await page.getByPlaceholder('请输入 11 位手机号').fill(phone);
  await page.getByText('获取验证码').click();
  await expect(page.getByText(/\d+ 秒后重发/)).toBeVisible();
  await expect.poll(() => smsTo(phone).length).toBeGreaterThan(sent);
  const code = lastSmsCode(phone)!;
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'member-01-login.png') });

  await page.getByPlaceholder('请输入验证码').fill(code);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page).toHaveURL(/\/m(\/home)?$/);
  // A worker who has not joined yet is offered 申请入会; one who has sees the card. Either way the
  // services are there.
  await expect(page.getByText('全部服务')).toBeVisible();
  await expect(page.getByRole('button', { name: '会员卡', exact: true })).toBeVisible();
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'member-02-home.png') });

  await page.getByText('我的').last().click();
  await expect(page.getByText('138****8000').first()).toBeVisible();
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'member-03-me.png') });

  // A reload keeps the member signed in on the same page.
  await page.reload();
  await expect(page.getByText('138****8000').first()).toBeVisible();
});
