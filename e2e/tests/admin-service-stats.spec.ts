import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { demoAccount } from '../support/demo.js';
import { SCREENSHOT_DIR } from '../support/paths.js';

test.beforeAll(() => mkdirSync(SCREENSHOT_DIR, { recursive: true }));

test('a city federation reads how its unions serve, by service and by union, and exports it', async ({
  page,
}) => {
  const account = demoAccount('zhengzhou_admin');
  await page.goto('/admin/login');
  await page.getByPlaceholder('请输入用户名').fill(account.username);
  await page.getByPlaceholder('请输入密码').fill(account.password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByRole('menuitem', { name: '服务统计' }).click();
  await expect(page).toHaveURL(/\/admin\/service-stats/);

  await expect(page.getByText(/郑州市总工会及下级工会/)).toBeVisible();
  const byOrg = page.locator('.ant-card').filter({ hasText: '按工会' });
  await expect(byOrg).toContainText('金水区总工会（含下级）');
  const byService = page.locator('.ant-card').filter({ hasText: '按服务事项' });
  await expect(byService).toContainText('法律咨询预约');
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'admin-service-stats-01.png'), fullPage: true });

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 Excel' }).click();
  expect((await download).suggestedFilename()).toMatch(/^service-stats-.*\.xlsx$/);
});
