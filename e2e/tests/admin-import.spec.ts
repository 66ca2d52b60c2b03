import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { idNumberCheckChar } from '@unionhub/contracts';
import { demoAccount } from '../support/demo.js';
import { SCREENSHOT_DIR } from '../support/paths.js';

test.beforeAll(() => mkdirSync(SCREENSHOT_DIR, { recursive: true }));

const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(SCREENSHOT_DIR, `admin-import-${name}.png`), fullPage: true });

const UNION = '金水区快递物流产业工会';
const HEADER = '姓名*,身份证号*,手机号*,入会日期*,工作单位,统一社会信用代码,人员类别,所属工会编号';
const idNumber = (first17: string) => `${first17}${idNumberCheckChar(first17)}`;

/** Delivery riders and couriers of the union, as a union cadre would type them. */
const riders = [
  [
    '马骁',
    idNumber('41010519950611031'),
    '13838200101',
    '2024-03-01',
    '郑州速达同城配送有限公司',
    '',
    '新就业形态劳动者、农民工',
    '',
  ],
  [
    '黄丽娟',
    idNumber('41010519930927042'),
    '13838200102',
    '2024/03/01',
    '郑州速达同城配送有限公司',
    '',
    '新就业形态劳动者',
    '',
  ],
  [
    '阿不都·热合曼',
    idNumber('65010119900105053'),
    '13838200103',
    '20240315',
    '河南顺路快运有限公司',
    '',
    '新就业形态劳动者；退役军人',
    '',
  ],
  ['宋志强', idNumber('41010519880412071'), '13838200104', '2024-04-20', '河南顺路快运有限公司', '', '', ''],
];
const csv = (rows: string[][]) =>
  Buffer.from(`\ufeff${[HEADER, ...rows.map((r) => r.join(','))].join('\r\n')}\r\n`);

async function uploadAndCheck(page: Page, name: string, content: Buffer) {
  await page.locator('input[type=file]').setInputFiles({ name, mimeType: 'text/csv', buffer: content });
  await page.getByRole('button', { name: '检查文件' }).click();
  await expect(page.getByTestId('import-summary')).toBeVisible({ timeout: 30_000 });
}

const stat = (page: Page, title: string) =>
  page
    .getByTestId('import-summary')
    .locator('.ant-statistic')
    .filter({ hasText: title })
    .locator('.ant-statistic-content');

test('a county union imports a roster: checks it, reads the errors, fixes the file, imports it once', async ({
  page,
}) => {
  const account = demoAccount('jinshui_staff');
  await page.goto('/admin/login');
  await page.getByPlaceholder('请输入用户名').fill(account.username);
  await page.getByPlaceholder('请输入密码').fill(account.password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByRole('menuitem', { name: '会员管理' }).click();
  await page.getByRole('button', { name: '批量导入' }).click();
  await expect(page).toHaveURL(/\/admin\/members\/import/);

  // The union, then the template with its Chinese headers.
  await page.locator('#import-org').fill('快递物流');
  await page.locator('.ant-select-item-option:visible').filter({ hasText: UNION }).click();
  const template = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Excel 模板' }).click();
  expect((await template).suggestedFilename()).toBe('member-import-template.xlsx');
  await shot(page, '01-page');

  // A roster with two mistakes: a mistyped ID number and a short phone number.
  const wrongId = [...riders[1]!];
  wrongId[1] = `${wrongId[1]!.slice(0, 17)}${wrongId[1]!.endsWith('0') ? '1' : '0'}`;
  const shortPhone = [...riders[3]!];
  shortPhone[2] = '1383820010';
  await uploadAndCheck(page, '快递员名册.csv', csv([riders[0]!, wrongId, riders[2]!, shortPhone]));
  await expect(stat(page, '总行数')).toHaveText('4');
  await expect(stat(page, '有错误')).toHaveText('2');
  const errors = page.locator('.ant-table').filter({ hasText: '错误说明' });
  await expect(errors).toContainText('最后一位校验码不正确');
  await expect(errors).toContainText('应为11位手机号码');
  await expect(page.getByText('请下载错误报告，修改后重新上传检查')).toBeVisible();
  await shot(page, '02-errors');
  const report = page.waitForEvent('download');
  await page.getByRole('button', { name: '下载错误报告' }).click();
  expect((await report).suggestedFilename()).toMatch(/^import-\d+-errors\.xlsx$/);

  // The fixed file checks clean and is imported.
  await uploadAndCheck(page, '快递员名册（已修改）.csv', csv(riders));
  await expect(stat(page, '可导入')).toHaveText('4');
  await expect(page.getByText('没有发现错误')).toBeVisible();
  await shot(page, '03-clean');
  await page.getByRole('button', { name: '确认导入 4 名会员' }).click();
  await expect(page.getByText('导入完成：已导入 4 名会员')).toBeVisible({ timeout: 30_000 });
  const history = page.locator('.ant-card').filter({ hasText: '本工会最近的导入' });
  await expect(history.locator('tbody tr').filter({ hasText: '已导入' }).first()).toContainText(
    '快递员名册（已修改）.csv',
  );
  await shot(page, '04-imported');

  // The same file again: everyone is already registered, nothing is added.
  await uploadAndCheck(page, '快递员名册（已修改）.csv', csv(riders));
  await expect(stat(page, '已登记（跳过）')).toHaveText('4');
  await expect(stat(page, '可导入')).toHaveText('0');
  await expect(page.getByText('没有需要导入的新会员')).toBeVisible();
  await shot(page, '05-rerun');

  // The members are in 会员管理, once each.
  await page.getByRole('link', { name: '返回会员管理' }).click();
  const filters = page.locator('form[id="member-filters"]');
  await filters.getByPlaceholder('姓名、拼音、身份证号或手机号').fill('阿不都');
  await filters.getByRole('button', { name: /查\s*询/ }).click();
  await expect(page.getByText('共 1 名会员').first()).toBeVisible();
  await expect(page.locator('.ant-table-row')).toHaveCount(1);
  await expect(page.locator('.ant-table-row')).toContainText(UNION);
  await filters.getByPlaceholder('姓名、拼音、身份证号或手机号').fill('');
  await filters.getByRole('combobox').last().fill('快递物流');
  await page.locator('.ant-select-item-option:visible').filter({ hasText: UNION }).click();
  await filters.getByRole('button', { name: /查\s*询/ }).click();
  await expect(page.locator('.ant-table-row').filter({ hasText: '马骁' })).toHaveCount(1);
  await shot(page, '06-members');
});
