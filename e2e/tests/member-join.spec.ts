import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { idNumberCheckChar } from '@unionhub/contracts';
import { demoAccount, lastSmsCode, smsTo } from '../support/demo.js';
import { SCREENSHOT_DIR } from '../support/paths.js';

test.beforeAll(() => mkdirSync(SCREENSHOT_DIR, { recursive: true }));

const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(SCREENSHOT_DIR, `member-join-${name}.png`) });

const UNION = '河南中原建设集团有限公司工会委员会';
/** A phone no demo member holds: this worker is not a member yet. */
const PHONE = '13937100518';
const ID_NUMBER = (() => {
  const first17 = '41010519950612002';
  return `${first17}${idNumberCheckChar(first17)}`;
})();

/** The union's chairman, in a desktop browser of its own, accepts the application in 入会申请. */
async function unionAccepts(browser: Browser) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 860 }, isMobile: false });
  const admin = await context.newPage();
  const account = demoAccount('zhongyuan_jianshe');
  await admin.goto('/admin/login');
  await admin.getByPlaceholder('请输入用户名').fill(account.username);
  await admin.getByPlaceholder('请输入密码').fill(account.password);
  await admin.getByRole('button', { name: /登\s*录/ }).click();
  await admin.getByRole('menuitem', { name: '入会申请' }).click();
  await expect(admin).toHaveURL(/\/admin\/join-applications/);
  const row = admin.locator('.ant-table-row').filter({ hasText: '王小红' });
  await expect(row).toContainText(UNION);
  await expect(row).toContainText('4101**********');
  await expect(row).toContainText(/剩 \d+ 天/);
  await admin.screenshot({ path: join(SCREENSHOT_DIR, 'member-join-04-admin-queue.png') });

  await row.click();
  const drawer = admin.locator('.ant-drawer');
  await expect(drawer).toContainText('入会申请 · 王小红');
  await expect(drawer).toContainText('河南中原建设集团有限公司');
  await admin.screenshot({ path: join(SCREENSHOT_DIR, 'member-join-05-admin-detail.png') });
  await drawer.getByRole('button', { name: '接收入会' }).click();
  await admin.locator('.ant-modal-confirm').getByRole('button', { name: '接收入会' }).click();
  await expect(drawer.getByText('王小红 已成为会员')).toBeVisible();
  const text = (await drawer.locator('.ant-result-subtitle').textContent()) ?? '';
  const cardNo = text.match(/会员卡号 (\d{16})/)?.[1];
  expect(cardNo, text).toBeTruthy();
  await admin.screenshot({ path: join(SCREENSHOT_DIR, 'member-join-06-admin-accepted.png') });
  await context.close();
  return cardNo!;
}

test('a new worker applies on the phone, the union accepts, and the worker shows the card', async ({
  page,
  browser,
}) => {
  // Sign in with the SMS code.
  const sent = smsTo(PHONE).length;
  await page.goto('/m/login');
  await page.getByPlaceholder('请输入 11 位手机号').fill(PHONE);
  await page.getByText('获取验证码').click();
  await expect.poll(() => smsTo(PHONE).length).toBeGreaterThan(sent);
  await page.getByPlaceholder('请输入验证码').fill(lastSmsCode(PHONE)!);
  await page.getByRole('button', { name: /登\s*录/ }).click();

  // Not a member: the home page offers joining.
  await expect(page.getByText('您还不是工会会员')).toBeVisible();
  await shot(page, '01-home-not-member');
  await page.getByRole('button', { name: /申请入会/ }).click();
  await expect(page).toHaveURL(/\/m\/join$/);

  // A mistyped ID number is caught on the phone.
  await page.getByRole('textbox', { name: '姓名' }).fill('王小红');
  const wrong = `${ID_NUMBER.slice(0, 17)}${ID_NUMBER[17] === '0' ? '1' : '0'}`;
  await page.getByRole('textbox', { name: '身份证号' }).fill(wrong);
  await page.getByRole('textbox', { name: '单位名称' }).fill('河南中原建设集团有限公司');
  await page.getByRole('button', { name: '提交入会申请' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '身份证号校验位不正确' })).toBeVisible();
  await page.getByRole('textbox', { name: '身份证号' }).fill(ID_NUMBER);

  // The union, found by name.
  await page.getByPlaceholder('输入工会名称或拼音，如 zhongyuan').fill('中原建设');
  await page.locator('.uhm-join-unions .adm-list-item').filter({ hasText: UNION }).click();
  await expect(page.getByTestId('chosen-union')).toContainText(UNION);
  await expect(page.locator('.adm-toast-mask')).toHaveCount(0);
  await shot(page, '02-form');

  // A double tap files one application.
  const submit = page.getByRole('button', { name: '提交入会申请' });
  await submit.dblclick();
  await expect(page).toHaveURL(/\/m\/join\/status$/);
  const status = page.getByTestId('join-status');
  await expect(status).toContainText('审核中');
  await expect(status).toContainText(/工会将在 \d{4} 年 \d{1,2} 月 \d{1,2} 日前与您联系/);
  await expect(page.getByText(UNION)).toBeVisible();
  await shot(page, '03-status-pending');
  // The double tap filed one application: ask the API with the phone's own session.
  const stored = await page.evaluate(() =>
    (globalThis as unknown as { localStorage: { getItem(key: string): string | null } }).localStorage.getItem(
      'uh.member.tokens',
    ),
  );
  const { accessToken } = JSON.parse(stored ?? '{}') as { accessToken?: string };
  const mine = (await (
    await page.request.get('/api/v1/me/join-applications', {
      headers: { authorization: `Bearer ${accessToken}` },
    })
  ).json()) as { items: unknown[] };
  expect(mine.items).toHaveLength(1);

  const cardNo = await unionAccepts(browser);

  // The worker sees the membership and opens the card.
  await page.reload();
  await expect(status).toContainText('已入会');
  await expect(status).toContainText('恭喜您成为工会会员');
  await shot(page, '07-status-accepted');
  await page.getByRole('button', { name: '查看我的会员卡' }).click();
  await expect(page).toHaveURL(/\/m\/card$/);
  await expect(page.getByTestId('card-no')).toHaveText(cardNo.replace(/(\d{4})(?=\d)/g, '$1 '));
  await expect(page.getByText('王**')).toBeVisible();
  await expect(page.getByAltText('会员卡二维码')).toBeVisible();
  await shot(page, '08-card');

  // Home now shows the card instead of 我要入会, and the inbox holds the decision.
  await page.goto('/m');
  await expect(page.getByText('我的会员卡')).toBeVisible();
  await expect(page.getByRole('button', { name: /我要入会/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /消息，1 条未读/ })).toBeVisible();
  await shot(page, '09-home-member');
  await page.getByRole('button', { name: /消息，1 条未读/ }).click();
  await expect(page).toHaveURL(/\/m\/messages$/);
  await expect(page.locator('.uhm-card-list').first()).toContainText(UNION);
  await shot(page, '10-notices');

  // As a member the worker may ask to move to another union, follow the steps, and withdraw.
  await page.getByText('我的').last().click();
  await page.getByText('我的转接').click();
  await expect(page.getByText('您还没有会员关系转接记录')).toBeVisible();
  await page.getByRole('button', { name: '申请转接' }).click();
  const popup = page.locator('.uhm-transfer-popup');
  await popup.getByPlaceholder('输入新单位工会名称或拼音').fill('绿城物业');
  await popup.locator('.adm-list-item').filter({ hasText: '郑州绿城物业服务有限公司工会' }).click();
  await popup.getByPlaceholder('如：工作调动到新单位、搬家到开封').fill('换工作到绿城物业');
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'member-join-11-transfer-ask.png') });
  await popup.getByRole('button', { name: '提交申请' }).click();
  const transfer = page.getByTestId('my-transfer');
  await expect(transfer).toContainText('待转出工会审批');
  await expect(transfer).toContainText('会员本人提出转接申请');
  await expect(transfer).toContainText(/前无人驳回将自动办结/);
  await expect(page.locator('.adm-toast-mask')).toHaveCount(0);
  await shot(page, '12-transfer-pending');
  await transfer.getByRole('button', { name: '撤回申请' }).click();
  await page.locator('.adm-dialog').getByRole('button', { name: '撤回申请' }).click();
  await expect(transfer).toContainText('已撤回');
  await expect(transfer).toContainText('会员本人撤回申请');
  await expect(page.getByRole('button', { name: '申请转接' })).toBeVisible();
  await expect(page.locator('.adm-toast-mask')).toHaveCount(0);
  await shot(page, '13-transfer-withdrawn');
});
