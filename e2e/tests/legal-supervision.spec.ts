import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { adminPage } from '../support/flows.js';
import { SCREENSHOT_DIR } from '../support/paths.js';

test.beforeAll(() => mkdirSync(SCREENSHOT_DIR, { recursive: true }));

const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(SCREENSHOT_DIR, `legal-supervision-${name}.png`), fullPage: true });

/** A China date `days` from today, as the date pickers take it. */
const chinaDate = (days: number) =>
  new Date(Date.now() + days * 86_400_000 + 8 * 3600_000).toISOString().slice(0, 10);

test('a union records an inspection with a non-compliant item and a deadline, then a follow-up closes it', async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const page = await adminPage(browser, 'jinshui_staff');
  await page.getByRole('menuitem', { name: '法律服务' }).click();
  await page.getByRole('menuitem', { name: '劳动法律监督' }).click();
  await expect(page).toHaveURL(/\/admin\/legal\/supervision$/);
  // The demo's overdue rectification stands out in the list.
  const overdueRow = page.locator('.ant-table-row').filter({ hasText: '河南中原建设集团有限公司' });
  await expect(overdueRow).toContainText('整改逾期');
  await shot(page, '01-list');

  await page.getByRole('button', { name: '记录检查' }).click();
  await expect(page).toHaveURL(/\/admin\/legal\/supervision\/new$/);
  await page.getByLabel('被检查企业').fill('绿城物业');
  await page
    .locator('.ant-select-item-option:visible')
    .filter({ hasText: '郑州绿城物业服务有限公司' })
    .click();
  const inspectors = page.getByLabel('检查人员');
  await inspectors.fill('刘春梅');
  await inspectors.press('Enter');
  await inspectors.fill('王磊');
  await inspectors.press('Enter');
  const item = page.locator('.ant-table-row').filter({ hasText: '社会保险缴纳' });
  await item.getByText('不合规', { exact: true }).click();
  await page.getByLabel('社会保险缴纳 情况说明').fill('新入职的 4 名保洁员未参加社会保险');
  await page
    .getByLabel('检查发现')
    .fill('抽查 30 名职工的参保记录，新入职保洁员未及时参保，已当场提出整改要求。');

  // With an item non-compliant, the deadline is required.
  await page.getByRole('button', { name: '保存检查记录' }).click();
  await expect(page.getByText('请填写整改期限')).toBeVisible();
  await shot(page, '02-deadline-required');
  const due = page.locator('#inspection-form_rectificationDueOn');
  await due.click();
  await due.fill(chinaDate(30));
  await page.getByRole('heading', { name: '记录劳动法律监督检查' }).click();
  await expect(due).toHaveValue(chinaDate(30));
  await page.getByRole('button', { name: '保存检查记录' }).click();

  await expect(page).toHaveURL(/\/admin\/legal\/supervision\/\d+$/);
  const header = page.locator('.ant-card-head').first();
  await expect(header).toContainText('郑州绿城物业服务有限公司');
  await expect(header).toContainText('整改中');
  await expect(page.getByText(chinaDate(30))).toBeVisible();
  await shot(page, '03-recorded');

  // The follow-up finds the item rectified: the inspection closes.
  const followUp = page.locator('form#follow-up-form');
  await followUp.getByLabel('社会保险缴纳').check();
  await followUp.getByLabel('情况说明').fill('4 名保洁员已补缴社会保险，查看了社保缴费凭证。');
  await followUp.getByRole('button', { name: '添加跟踪记录' }).click();
  await expect(header).toContainText('已办结');
  await expect(page.getByText('全部整改完成，检查办结')).toBeVisible();
  await expect(page.getByText('所有不合规项都已整改，本次检查已办结。')).toBeVisible();
  await shot(page, '04-closed');

  // The enterprise's history: the demo's clean inspection and this one.
  await page.getByRole('link', { name: '企业检查记录' }).click();
  await expect(page.getByText('郑州绿城物业服务有限公司 的检查记录')).toBeVisible();
  await expect(page.locator('.ant-table-row')).toHaveCount(2);
  await shot(page, '05-history');

  // 法律服务统计 counts it with the lectures, and exports the figures.
  await page.getByRole('menuitem', { name: '法律服务统计' }).click();
  await expect(page.getByText(/金水区总工会及下级工会/)).toBeVisible();
  const supervision = page.locator('.ant-card').filter({ hasText: '监督检查（按工会）' });
  await expect(supervision).toContainText('金水区总工会（本级）');
  await expect(page.locator('.ant-card').filter({ hasText: '各检查项发现不合规的次数' })).toBeVisible();
  await expect(page.locator('.ant-card').filter({ hasText: '讲座（按工会）' })).toContainText(
    '金水区总工会（本级）',
  );
  // Let the charts finish drawing before the picture.
  await page.waitForTimeout(1500);
  await shot(page, '06-stats');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 Excel' }).click();
  expect((await download).suggestedFilename()).toMatch(/^legal-stats-.*\.xlsx$/);
});
