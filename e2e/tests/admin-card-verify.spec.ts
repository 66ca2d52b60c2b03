import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import {
  adminPage,
  cardToken,
  idNumber,
  memberApi,
  openMember,
  registerMember,
  signInAdmin,
  staffApi,
} from '../support/flows.js';
import { SCREENSHOT_DIR } from '../support/paths.js';

test.beforeAll(() => mkdirSync(SCREENSHOT_DIR, { recursive: true }));

const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(SCREENSHOT_DIR, `admin-card-verify-${name}.png`) });

const NAME = '孙丽娟';
const PHONE = '13937100529';

/** A scanner types the code and Enter into the focused box. */
async function scan(page: Page, token: string) {
  const box = page.getByRole('textbox', { name: '二维码内容' });
  await expect(box).toBeFocused();
  await box.pressSequentially(token, { delay: 0 });
  await box.press('Enter');
}

test('a merchant counter verifies a member card once, then sees it used, then suspended', async ({
  page,
  request,
  browser,
}) => {
  const union = await staffApi(request, 'zhongyuan_jianshe');
  const { cardNo } = await registerMember(
    request,
    union,
    { name: NAME, idNumber: idNumber('41010519881120004'), phone: PHONE },
    true,
  );
  const member = await memberApi(request, PHONE);

  // The counter account holds card.verify only and starts on the verification page.
  await signInAdmin(page, 'merchant_verifier');
  await expect(page).toHaveURL(/\/admin\/card-verify$/);
  await expect(page.getByRole('menuitem')).toHaveText(['工作台', '会员卡核验', '个人资料']);
  await shot(page, '01-empty');

  const token = await cardToken(request, member);
  await scan(page, token);
  const result = page.getByTestId('verify-result');
  await expect(result).toContainText('有效');
  await expect(result).toContainText('孙**');
  await expect(result).toContainText('河南中原建设集团有限公司工会委员会');
  await expect(result).toContainText(cardNo!.replace(/(\d{4})(?=\d)/g, '$1 '));
  await expect(result).not.toContainText(NAME);
  await shot(page, '02-valid');

  // The same code shown twice (a screenshot passed on) is refused.
  await scan(page, token);
  await expect(result).toContainText('无效 · 已使用');
  await expect(result).not.toContainText('孙**');
  await shot(page, '03-replayed');

  // The union suspends the card in the member drawer.
  const admin = await adminPage(browser, 'zhongyuan_jianshe');
  const { drawer } = await openMember(admin, NAME);
  const cards = drawer.getByTestId('member-cards');
  await expect(cards.getByTestId('current-card-no')).toHaveText(cardNo!.replace(/(\d{4})(?=\d)/g, '$1 '));
  await cards.getByRole('button', { name: '挂失/暂停' }).click();
  const dialog = admin.getByRole('dialog').filter({ hasText: '原因（记入操作日志）' });
  await dialog.getByRole('textbox').fill('会员本人电话挂失');
  await admin.screenshot({ path: join(SCREENSHOT_DIR, 'admin-card-verify-04-suspend.png') });
  await dialog.getByRole('button', { name: '挂失/暂停' }).click();
  await expect(admin.getByText('会员卡已挂失，二维码将不能通过核验')).toBeVisible();
  await expect(cards).toContainText('已挂失');
  await expect(cards.getByRole('button', { name: '恢复使用' })).toBeVisible();
  await admin.screenshot({ path: join(SCREENSHOT_DIR, 'admin-card-verify-05-suspended.png') });
  await admin.context().close();

  await scan(page, await cardToken(request, member));
  await expect(result).toContainText('无效 · 已挂失');
  await expect(result).toContainText('此卡已挂失或暂停使用');
  await shot(page, '06-suspended');

  // At a counter the page also works on a phone.
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, '07-phone');
});
