import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Locator, type Page, test } from '@playwright/test';
import { runServerJob } from '../support/clock.js';
import { demoAccount } from '../support/demo.js';
import { SCREENSHOT_DIR } from '../support/paths.js';

test.beforeAll(() => mkdirSync(SCREENSHOT_DIR, { recursive: true }));

const shot = (page: Page, name: string, fullPage = false) =>
  page.screenshot({ path: join(SCREENSHOT_DIR, `assistance-config-${name}.png`), fullPage });

/** Chooses an option of an antd select, and waits until its list has closed (one list open at a time). */
async function pick(page: Page, select: Locator, label: string) {
  const open = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  await expect(open).toHaveCount(0);
  await select.click();
  await open.locator('.ant-select-item-option').filter({ hasText: label }).click();
  await expect(select).toContainText(label);
  await expect(open).toHaveCount(0);
}

async function signIn(page: Page, username: string) {
  const account = demoAccount(username);
  await page.goto('/admin/login');
  await page.getByPlaceholder('请输入用户名').fill(account.username);
  await page.getByPlaceholder('请输入密码').fill(account.password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page.getByRole('menuitem', { name: '帮扶救助' })).toBeVisible();
}

test('the district sets its own review path for medical aid: a wrong order is marked on the field, the saved one shows beside the province’s, and it goes back to the province’s', async ({
  page,
}) => {
  await signIn(page, 'jinshui_staff');
  await page.getByRole('menuitem', { name: '帮扶救助' }).click();
  await page.getByRole('menuitem', { name: '审核与限额' }).click();
  await expect(page).toHaveURL(/\/admin\/assistance\/configs$/);
  const medical = page.locator('tr').filter({ hasText: '医疗救助' });
  // The province wrote the configuration every union below follows.
  await expect(medical).toContainText('沿用上级');
  await expect(medical).toContainText('河南省总工会');
  await expect(medical).toContainText('基层工会 → 县（区）总工会 → 市总工会（超过 5,000.00 元）');
  await expect(medical).toContainText('20,000.00 元');
  await expect(page.locator('.ant-spin-blur')).toHaveCount(0);
  await shot(page, '01-inherited', true);

  await medical.getByRole('button', { name: '本会单独设置' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('金水区总工会及所属下级工会新提交的申请按此审核');
  // The district may name its own level and the grassroots only: the city's review is left out.
  await expect(dialog).toContainText('上级设置中的市总工会审核不在本会可设置的范围内');
  const levelSelects = dialog
    .locator('.ant-select')
    .filter({ has: page.locator('input[id^="assistance-config_levels_"]') });
  await expect(levelSelects).toHaveCount(2);
  // Put the district first and the grassroots second: the API names the field that is wrong.
  await pick(page, levelSelects.nth(0), '县（区）总工会');
  await pick(page, levelSelects.nth(1), '基层工会');
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await expect(dialog.getByRole('alert').filter({ hasText: '请按提示修改标红的项目' })).toBeVisible();
  await expect(dialog.locator('.ant-form-item-explain-error')).toContainText(
    '审核层级应自下而上排列且不重复',
  );
  await shot(page, '02-field-error');

  // Grassroots first, the district only above 2,000 元; 15,000 元 a year; three days of notice.
  await pick(page, levelSelects.nth(0), '基层工会');
  await pick(page, levelSelects.nth(1), '县（区）总工会');
  await dialog.getByPlaceholder('不限金额').fill('2000');
  await dialog.getByLabel('每户每年限额').fill('15000');
  await dialog.getByLabel('公示天数').fill('3');
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await expect(dialog).toBeHidden();
  await expect(medical).toContainText('本会设置');
  await expect(medical).toContainText('基层工会 → 县（区）总工会（超过 2,000.00 元）');
  await expect(medical).toContainText('上级：基层工会 → 县（区）总工会 → 市总工会（超过 5,000.00 元）');
  await expect(medical).toContainText('15,000.00 元');
  await expect(medical).toContainText('上级：20,000.00 元');
  await expect(medical).toContainText('3 天');
  await expect(medical).toContainText('每级审核 5 个工作日');
  await shot(page, '03-own');

  // Back to what the province set, so that the other journeys find the usual path.
  await medical.getByRole('button', { name: '恢复沿用上级' }).click();
  await page.getByRole('button', { name: /确\s*定|OK/ }).click();
  await expect(medical).toContainText('沿用上级');
  await expect(medical).toContainText('20,000.00 元');
});

test('a grassroots union reads the rules that apply to it and cannot change them', async ({ page }) => {
  await signIn(page, 'zhongyuan_jianshe');
  await page.goto('/admin/assistance/configs');
  await expect(page.getByText('审核与限额由县（区）级及以上工会设置')).toBeVisible();
  await expect(page.locator('tr').filter({ hasText: '金秋助学' })).toContainText('5 天');
  await expect(page.locator('.ant-spin-blur')).toHaveCount(0);
  await shot(page, '06-grassroots-reads');
  await expect(page.getByRole('button', { name: '本会单独设置' })).toHaveCount(0);
});

test('the company union hears of the overdue yearly re-check in the bell and opens the overdue files from it', async ({
  page,
  request,
}) => {
  // The hourly pass, run now (the server ran one at start); the demo's company union keeps one file
  // whose re-check is 35 days overdue.
  await runServerJob(request, 'hardship-recheck-due');
  await signIn(page, 'zhongyuan_jianshe');
  await page.getByTestId('notification-bell').click();
  const notice = page.locator('.uh-bell-item').filter({ hasText: '困难职工档案复核逾期提醒' }).first();
  await expect(notice).toContainText('1 户已过复核期限');
  await shot(page, '04-bell');
  await notice.click();
  await expect(page).toHaveURL(/\/admin\/assistance\/files\?recheck=overdue$/);
  await expect(page.locator('.uh-filters').getByText('复核逾期', { exact: true })).toBeVisible();
  await expect(page.locator('.uh-bell-panel')).toBeHidden();
  const rows = page.locator('.ant-table-tbody tr.ant-table-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('已逾期');
  await shot(page, '05-overdue-files');
});
