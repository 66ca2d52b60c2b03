import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Locator, type Page, test } from '@playwright/test';
import { creditCodeCheckChar, idNumberCheckChar } from '@unionhub/contracts';
import { demoAccount } from '../support/demo.js';
import { SCREENSHOT_DIR } from '../support/paths.js';

test.beforeAll(() => mkdirSync(SCREENSHOT_DIR, { recursive: true }));

const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(SCREENSHOT_DIR, `admin-registry-${name}.png`) });

/** The search box of a select inside the form item with this label. */
const pick = (scope: Locator, label: string) =>
  scope.locator('.ant-form-item').filter({ hasText: label }).getByRole('combobox');

const idNumber = (first17: string) => `${first17}${idNumberCheckChar(first17)}`;

const UNION = '郑州杜岭科技有限公司工会委员会';

test('a city federation finds Jinshui by pinyin, founds a workplace union, registers its members and employer', async ({
  page,
}) => {
  const account = demoAccount('zhengzhou_admin');
  await page.goto('/admin/login');
  await page.getByPlaceholder('请输入用户名').fill(account.username);
  await page.getByPlaceholder('请输入密码').fill(account.password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByRole('menuitem', { name: '组织架构' }).click();
  await expect(page).toHaveURL(/\/admin\/orgs/);

  // Pinyin initials find 金水区总工会, shown with where it sits.
  const search = page.getByPlaceholder(/输入工会名称或拼音首字母/);
  await search.fill('jsq');
  const hit = page.locator('.uh-org-search-item').filter({ hasText: '金水区总工会' }).first();
  await expect(hit).toContainText('郑州市总工会');
  await shot(page, '01-search-pinyin');
  await hit.click();
  const detail = page.locator('.ant-card').filter({ hasText: '组织详情' });
  await expect(detail.locator('.uh-org-detail')).toContainText('金水区总工会');
  await expect(detail.locator('.uh-org-detail')).toContainText('金水区（410105）');

  // A new grassroots union under a street (township) union.
  await search.fill('杜岭');
  await page.locator('.uh-org-search-item').filter({ hasText: '杜岭街道工会' }).first().click();
  await expect(detail.locator('.uh-org-detail')).toContainText('杜岭街道工会');
  await detail.getByRole('button', { name: '新建下级组织' }).click();
  const orgDialog = page.getByRole('dialog');
  await orgDialog.getByLabel('名称').fill(UNION);
  await orgDialog.getByLabel('工会主席').fill('赵建国');
  await orgDialog.getByLabel('联系电话').fill('0371-65561234');
  await orgDialog.getByLabel('地址').fill('郑州市金水区杜岭街 18 号');
  await shot(page, '02-new-union-form');
  await orgDialog.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByText(`已新建“${UNION}”`)).toBeVisible();
  await expect(detail.locator('.uh-org-detail')).toContainText(UNION);
  await expect(detail.locator('.uh-org-detail')).toContainText('基层工会');
  await shot(page, '03-new-union-detail');

  // Two members of the new union; a mistyped ID number is caught before sending.
  // The city's list holds the demo members; narrowed to the new union it is empty.
  await page.getByRole('menuitem', { name: '会员管理' }).click();
  await expect(page.getByText(/共 \d+ 名会员/).first()).toHaveText(/共 [1-9]\d* 名会员/);
  const filters = page.locator('form[id="member-filters"]');
  await filters.getByRole('combobox').last().fill('杜岭科技');
  await page.locator('.ant-select-item-option:visible').filter({ hasText: UNION }).click();
  await filters.getByRole('button', { name: /查\s*询/ }).click();
  await expect(page.getByText('没有符合条件的会员')).toBeVisible();
  const members = [
    { name: '张伟', id: idNumber('41010519900307123'), phone: '13837100001' },
    { name: '李娜', id: idNumber('41010519920815002'), phone: '13837100002' },
  ];
  for (const [i, m] of members.entries()) {
    await page.getByRole('button', { name: '新增会员' }).click();
    const dialog = page.getByRole('dialog');
    await pick(dialog, '所属工会').fill('杜岭科技');
    await page.locator('.ant-select-item-option:visible').filter({ hasText: UNION }).click();
    await dialog.getByLabel('姓名').fill(m.name);
    if (i === 0) {
      const wrong = `${m.id.slice(0, 17)}${m.id[17] === '0' ? '1' : '0'}`;
      await dialog.getByLabel('身份证号').fill(wrong);
      await dialog.getByLabel('手机号').click();
      await expect(dialog.getByText('身份证号最后一位校验码不正确')).toBeVisible();
      await dialog.getByLabel('手机号').fill(m.phone);
      await dialog.getByLabel('工作单位').fill('郑州杜岭科技有限公司');
      await shot(page, '04-id-number-rule');
    }
    await dialog.getByLabel('身份证号').fill(m.id);
    await dialog.getByLabel('手机号').fill(m.phone);
    await dialog.getByLabel('工作单位').fill('郑州杜岭科技有限公司');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await expect(page.getByText(`已登记会员“${m.name}”`)).toBeVisible();
  }

  // The list shows them masked.
  const row = page.getByRole('row', { name: /张伟/ });
  await expect(row).toContainText('4101**********');
  await expect(row).toContainText('*');
  await expect(row).not.toContainText(members[0]!.id);
  await expect(row).toContainText('138****0001');
  await expect(page.getByRole('row', { name: /李娜/ })).toContainText('女');
  await shot(page, '05-member-list');

  // The export goes through the signed-in client and arrives as a spreadsheet.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 Excel' }).click();
  expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);

  // The full record needs a reason, which goes to the audit log.
  await row.getByText('张伟').click();
  const drawer = page.locator('.ant-drawer');
  await drawer.getByRole('button', { name: '查看完整信息' }).click();
  const piiDialog = page.getByRole('dialog', { name: '查看完整身份证号和手机号' });
  await piiDialog.getByRole('button', { name: /确\s*定|OK/ }).click();
  await expect(piiDialog.getByText('请填写查看原因（至少 2 个字）')).toBeVisible();
  await piiDialog.getByLabel('请填写查看原因，将记入审计日志').fill('核对会员入会材料');
  await piiDialog.getByRole('button', { name: /确\s*定|OK/ }).click();
  await expect(drawer).toContainText(members[0]!.id);
  await expect(drawer).toContainText(members[0]!.phone);
  await shot(page, '06-member-full-record');
  await drawer.getByRole('button', { name: 'Close' }).or(drawer.locator('.ant-drawer-close')).first().click();

  // The employer, by its unified social credit code, covered by the new union.
  await page.getByRole('menuitem', { name: '企业管理' }).click();
  await page.getByRole('button', { name: '新增企业' }).click();
  const entDialog = page.getByRole('dialog');
  const first17 = '91410105MA44K1234';
  await entDialog.getByLabel('统一社会信用代码').fill(first17 + creditCodeCheckChar(first17));
  await entDialog.getByLabel('企业名称').fill('郑州杜岭科技有限公司');
  await pick(entDialog, '所属行业').fill('软件');
  await page.locator('.ant-select-item-option:visible').filter({ hasText: '软件' }).first().click();
  await pick(entDialog, '覆盖工会').fill('杜岭科技');
  await page.locator('.ant-select-item-option:visible').filter({ hasText: UNION }).click();
  await entDialog.getByLabel('职工人数').fill('120');
  await shot(page, '07-enterprise-form');
  await entDialog.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByText('已登记企业“郑州杜岭科技有限公司”')).toBeVisible();
  await expect(page.getByRole('row', { name: /郑州杜岭科技有限公司/ })).toContainText(UNION);
  await expect(page.getByRole('dialog')).toBeHidden();
  await shot(page, '08-enterprise-list');

  // The new union's coverage now counts the enterprise and its employees.
  await page.getByRole('menuitem', { name: '组织架构' }).click();
  await page.getByPlaceholder(/输入工会名称或拼音首字母/).fill('杜岭科技');
  await page.locator('.uh-org-search-item').filter({ hasText: UNION }).click();
  const coverage = page.locator('.uh-coverage');
  await expect(coverage).toContainText('登记企业');
  await expect(coverage.locator('.ant-statistic-content-value').nth(2)).toHaveText('120');
  await expect(coverage).toContainText('100%');
  await shot(page, '09-org-coverage');

  // It cannot be dissolved while it has members and an enterprise, and says so plainly.
  await detail.getByRole('button', { name: '撤销' }).click();
  const dissolve = page.getByRole('dialog');
  await dissolve.getByLabel('撤销原因').fill('测试撤销');
  await dissolve.getByRole('button', { name: /撤\s*销/ }).click();
  await expect(dissolve).toContainText('还有 2 名在会会员');
  await expect(dissolve).toContainText('还有 1 家企业');
  await shot(page, '10-dissolve-refused');
  await dissolve.getByRole('button', { name: /取\s*消/ }).click();

  // On a tablet held upright the list and the org page still read without sideways scrolling of the page.
  await page.setViewportSize({ width: 820, height: 1180 });
  await page.goto('/admin/members');
  await page.getByPlaceholder(/姓名/).fill('13837100002');
  await page.getByPlaceholder(/姓名/).press('Enter');
  await expect(page.getByRole('row', { name: /李娜/ })).toBeVisible();
  await shot(page, '11-tablet-members');
  await page.goto('/admin/orgs');
  await expect(page.getByText('组织详情')).toBeVisible();
  await shot(page, '12-tablet-orgs');
});
