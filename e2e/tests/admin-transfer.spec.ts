import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { adminPage, idNumber, openMember, registerMember, signInAdmin, staffApi } from '../support/flows.js';
import { SCREENSHOT_DIR } from '../support/paths.js';

test.beforeAll(() => mkdirSync(SCREENSHOT_DIR, { recursive: true }));

const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(SCREENSHOT_DIR, `admin-transfer-${name}.png`) });

const NAME = '赵建军';
const ORIGIN = '河南中原建设集团有限公司工会委员会';
const DESTINATION = '郑州绿城物业服务有限公司工会';
const DESTINATION_ADMIN = { username: 'lvcheng_chair', password: 'Lv-Cheng-7q2W-Ex9z' };

test('the origin starts and approves a transfer, the destination approves, and the member moves', async ({
  page,
  request,
  browser,
}) => {
  // The destination union gets its own administrator, made by the city federation.
  const city = await staffApi(request, 'zhengzhou_admin');
  const found = await request.get('/api/v1/orgs/search', {
    headers: city.headers,
    params: { q: '绿城物业' },
  });
  const destination = ((await found.json()).items as { id: number; name: string }[]).find(
    (o) => o.name === DESTINATION,
  );
  expect(destination).toBeTruthy();
  const user = await request.post('/api/v1/users', {
    headers: city.headers,
    data: {
      orgId: destination!.id,
      ...DESTINATION_ADMIN,
      displayName: '绿城物业工会主席',
      roles: ['org_admin'],
    },
  });
  expect(user.status(), await user.text()).toBe(201);
  const origin = await staffApi(request, 'zhongyuan_jianshe');
  await registerMember(request, origin, {
    name: NAME,
    idNumber: idNumber('41010519870715003'),
    phone: '13937100536',
  });

  // The origin union starts the transfer from the member drawer.
  await signInAdmin(page, 'zhongyuan_jianshe');
  const { drawer } = await openMember(page, NAME);
  await drawer.getByRole('button', { name: '发起转接' }).click();
  const dialog = page.getByRole('dialog').filter({ hasText: `发起会员关系转接 · ${NAME}` });
  await dialog.getByRole('combobox').fill('绿城');
  await page.locator('.ant-select-item-option:visible').filter({ hasText: DESTINATION }).click();
  await dialog.getByLabel('转接原因').fill('工作调动至郑州绿城物业服务有限公司');
  await shot(page, '01-start');
  await dialog.getByRole('button', { name: '发起转接' }).click();
  await expect(page.getByText(`已发起 ${NAME} 的转接`)).toBeVisible();

  // It waits for the origin's own approval first.
  await page.locator('.ant-drawer-close').click();
  await page.getByRole('menuitem', { name: '会员转接' }).click();
  const row = page.locator('.ant-table-row').filter({ hasText: NAME });
  await expect(row).toContainText('待转出工会审批');
  await expect(row).toContainText(DESTINATION);
  await shot(page, '02-origin-queue');
  await row.click();
  const detail = page.locator('.ant-drawer');
  await expect(detail).toContainText('前无人驳回将自动办结');
  await expect(detail.getByTestId('transfer-step')).toHaveCount(1);
  await detail.getByRole('button', { name: /同\s*意/ }).click();
  await page
    .locator('.ant-modal-confirm')
    .getByRole('button', { name: /同\s*意/ })
    .click();
  await expect(page.getByText('已同意', { exact: true })).toBeVisible();
  await expect(detail).toContainText('待转入工会审批');
  await expect(detail.getByTestId('transfer-step')).toHaveCount(2);
  await shot(page, '03-origin-approved');

  // The destination sees it now and completes it.
  const dest = await adminPage(browser, DESTINATION_ADMIN.username, DESTINATION_ADMIN.password);
  await dest.getByRole('menuitem', { name: '会员转接' }).click();
  const incoming = dest.locator('.ant-table-row').filter({ hasText: NAME });
  await expect(incoming).toContainText('待转入工会审批');
  await expect(incoming).toContainText(ORIGIN);
  await dest.screenshot({ path: join(SCREENSHOT_DIR, 'admin-transfer-04-destination-queue.png') });
  await incoming.click();
  const destDetail = dest.locator('.ant-drawer');
  await destDetail.getByRole('button', { name: /同\s*意/ }).click();
  await expect(dest.locator('.ant-modal-confirm')).toContainText(`同意接收 ${NAME} 转入“${DESTINATION}”吗`);
  await dest
    .locator('.ant-modal-confirm')
    .getByRole('button', { name: /同\s*意/ })
    .click();
  await expect(dest.getByText(`转接已办结，${NAME} 已转入“${DESTINATION}”`)).toBeVisible();
  await expect(destDetail).toContainText('已完成');
  await expect(destDetail.getByTestId('transfer-step')).toHaveCount(3);
  await expect(destDetail.getByTestId('transfer-step').last()).toContainText('转入工会同意接收，转接完成');
  await dest.screenshot({ path: join(SCREENSHOT_DIR, 'admin-transfer-05-completed.png') });

  // The member now belongs to the destination, with the move in the history.
  await destDetail.locator('.ant-drawer-close').click();
  const moved = await openMember(dest, NAME);
  await expect(moved.row).toContainText(DESTINATION);
  await expect(moved.drawer).toContainText(DESTINATION);
  await dest.screenshot({ path: join(SCREENSHOT_DIR, 'admin-transfer-06-member-moved.png') });
  await dest.context().close();

  // The origin still sees the finished transfer in 全部.
  await page.locator('.ant-drawer-close').click();
  await page.getByRole('tab', { name: '全部' }).click();
  await expect(page.locator('.ant-table-row').filter({ hasText: NAME })).toContainText('已完成');
  await shot(page, '07-origin-all');
});
