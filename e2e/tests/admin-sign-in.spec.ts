import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { demoAccount } from '../support/demo.js';
import { SCREENSHOT_DIR } from '../support/paths.js';

test.beforeAll(() => mkdirSync(SCREENSHOT_DIR, { recursive: true }));

test('a county staff member signs in and browses the org tree of their subtree', async ({ page }) => {
  const account = demoAccount('zhengzhou_admin');

  await page.goto('/admin/orgs');
  await expect(page).toHaveURL(/\/admin\/login/);
  await expect(page.getByRole('heading', { name: '管理后台登录' })).toBeVisible();

  await page.getByPlaceholder('请输入用户名').fill(account.username);
  await page.getByPlaceholder('请输入密码').fill('wrong-password-1');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page.getByText('用户名或密码错误', { exact: false })).toBeVisible();
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'admin-01-login-error.png') });

  await page.getByPlaceholder('请输入密码').fill(account.password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  // Back to the page asked for before signing in.
  await expect(page).toHaveURL(/\/admin\/orgs/);
  await expect(page.getByText('郑州市总工会').first()).toBeVisible();

  const tree = page.locator('.ant-tree');
  await expect(tree.getByText('郑州市总工会')).toBeVisible();
  // The caller's own org opens with its children loaded.
  await expect(tree.getByText('金水区总工会')).toBeVisible();
  // Other cities are outside this user's subtree.
  await expect(tree.getByText('开封市总工会')).toHaveCount(0);

  await tree.getByText('金水区总工会').click();
  await expect(page.getByText('410105')).toBeVisible();
  await expect(page.getByText('县(区)总工会').first()).toBeVisible();
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'admin-02-org-tree.png'), fullPage: true });

  // Deep links survive a reload.
  await page.reload();
  await expect(page).toHaveURL(/\/admin\/orgs/);
  await expect(page.locator('.ant-tree').getByText('郑州市总工会')).toBeVisible();

  await page.goto('/admin');
  await expect(page.getByText('您好', { exact: false })).toBeVisible();
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'admin-03-dashboard.png') });
});
