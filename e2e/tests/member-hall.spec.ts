import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { type APIRequestContext, type Browser, expect, type Page, test } from '@playwright/test';
import { idNumberCheckChar } from '@unionhub/contracts';
import { demoAccount, demoAccounts, lastSmsCode, smsTo } from '../support/demo.js';
import { SCREENSHOT_DIR } from '../support/paths.js';

test.beforeAll(() => mkdirSync(SCREENSHOT_DIR, { recursive: true }));

const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(SCREENSHOT_DIR, `hall-${name}.png`) });

/** A small PNG drawn here (a page with lines of text), as a phone photo of a document would be uploaded. */
function documentPhoto(size = 64): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const rows: Buffer[] = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 3);
    for (let x = 0; x < size; x++) {
      const line = y > 8 && y < size - 8 && y % 6 < 2 && x > 8 && x < size - (y % 12 === 0 ? 24 : 8);
      const stamp = (x - 46) ** 2 + (y - 48) ** 2 < 64 && (x - 46) ** 2 + (y - 48) ** 2 > 36;
      const [r, g, b] = stamp ? [200, 22, 29] : line ? [90, 90, 90] : [250, 248, 240];
      row.set([r, g, b], 1 + x * 3);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
const PHOTO = documentPhoto();

async function staffHeaders(request: APIRequestContext, username: string) {
  const account = demoAccount(username);
  const login = await request.post('/api/v1/auth/login', {
    data: { username: account.username, password: account.password },
  });
  expect(login.status()).toBe(200);
  return { authorization: `Bearer ${(await login.json()).accessToken}` };
}

/**
 * The demo member (the demo phone) is registered in 中原建设集团's union as a migrant worker — by the
 * card journey when it ran first, otherwise here.
 */
async function ensureMember(request: APIRequestContext) {
  const headers = await staffHeaders(request, 'zhongyuan_jianshe');
  const me = await (await request.get('/api/v1/me', { headers })).json();
  const first17 = '41010519850312003';
  const idNumber = `${first17}${idNumberCheckChar(first17)}`;
  const created = await request.post('/api/v1/members', {
    headers,
    data: {
      orgId: me.org.id,
      name: '李建国',
      idNumber,
      phone: demoAccounts().memberPhone,
      joinedOn: '2018-06-01',
      employerName: '河南中原建设集团有限公司',
      categories: ['migrant_worker'],
    },
  });
  if (created.status() === 201) return;
  const found = await request.post('/api/v1/members/lookup', { headers, data: { idNumber } });
  expect(found.status(), await found.text()).toBe(200);
  const member = await found.json();
  const updated = await request.patch(`/api/v1/members/${member.id}`, {
    headers,
    data: { categories: ['migrant_worker'] },
  });
  expect(updated.status(), await updated.text()).toBe(200);
}

async function staffPage(browser: Browser, username: string) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 860 }, locale: 'zh-CN' });
  const page = await context.newPage();
  const account = demoAccount(username);
  await page.goto('/admin/login');
  await page.getByPlaceholder('请输入用户名').fill(account.username);
  await page.getByPlaceholder('请输入密码').fill(account.password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page.getByRole('menuitem', { name: '服务工单' })).toBeVisible();
  return { page, context };
}

test('a member applies for hardship aid with a photo; county staff accept, handle offline and complete; the member rates it', async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  await ensureMember(request);
  const phone = demoAccounts().memberPhone;

  const sent = smsTo(phone).length;
  await page.goto('/m/login');
  await page.getByPlaceholder('请输入 11 位手机号').fill(phone);
  await page.getByText('获取验证码').click();
  await expect.poll(() => smsTo(phone).length).toBeGreaterThan(sent);
  await page.getByPlaceholder('请输入验证码').fill(lastSmsCode(phone)!);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page.getByText('验证码已发送，请注意查收短信')).toBeHidden();

  // The package for migrant workers comes first on the home page, then the hall by category.
  const pkg = page.getByTestId('hall-package');
  await expect(pkg).toContainText('为您推荐');
  await expect(pkg).toContainText('农民工服务包');
  await expect(pkg).toContainText('农民工技能培训报名');
  await page.getByTestId('hall-services').scrollIntoViewIfNeeded();
  await shot(page, 'member-01-home');

  await page.getByTestId('hall-services').getByText('困难职工帮扶申请').click();
  await expect(page.getByText('3 个工作日内受理，受理后 15 个工作日内办结')).toBeVisible();
  await expect(page.getByText('困难证明材料', { exact: false })).toBeVisible();
  await shot(page, 'member-02-service');
  await page.getByRole('button', { name: '立即申请' }).click();

  // Submitting the empty form: the browser names every missing field, nothing is sent.
  await page.getByRole('button', { name: '提交申请' }).click();
  await expect(page.getByText('请填写「困难类型」')).toBeVisible();
  await expect(page.getByText('请上传「困难证明材料」')).toBeVisible();
  await shot(page, 'member-03-form-errors');

  await page.locator('[data-field=reason]').getByText('因病致困', { exact: true }).click();
  await page.locator('#field-familySize').fill('4');
  await page.locator('#field-monthlyIncome').fill('2600');
  await page
    .locator('#field-description')
    .fill('爱人今年 3 月确诊乳腺癌，已做两次手术，自付医疗费 6 万余元；两个孩子在上学，家中仅我一人有收入。');
  await page.locator('#field-contactPhone').fill('1380013800');
  await page.locator('[data-field=receivedBefore]').getByText('否', { exact: true }).click();
  await page
    .getByTestId('upload-proof')
    .setInputFiles({ name: '困难证明.png', mimeType: 'image/png', buffer: PHOTO });
  await expect(page.locator('[data-slot=proof] img')).toBeVisible();
  await page.getByRole('button', { name: '提交申请' }).click();
  await expect(page.getByText('「联系电话」应为 11 位手机号')).toBeVisible();
  await page.locator('#field-contactPhone').fill('13800138000');
  await shot(page, 'member-04-form-filled');
  await page.getByRole('button', { name: '提交申请' }).click();

  await expect(page).toHaveURL(/\/m\/requests\/\d+$/);
  const requestId = Number(page.url().split('/').pop());
  await expect(page.getByTestId('request-state')).toHaveText('待受理');
  await expect(page.getByText('金水区总工会').first()).toBeVisible();
  await shot(page, 'member-05-submitted');

  // County staff: the request waits in 本会待办; accept, note the offline handling, complete.
  const staff = await staffPage(browser, 'jinshui_staff');
  await staff.page.getByRole('menuitem', { name: '服务工单' }).click();
  const row = staff.page.locator('tr').filter({ hasText: '困难职工帮扶申请' });
  await expect(row).toContainText('李建国');
  await expect(row).toContainText('待受理');
  await expect(row).toContainText(/剩 \d+ 天/);
  await staff.page.screenshot({ path: join(SCREENSHOT_DIR, 'hall-admin-01-inbox.png') });
  await row.getByRole('link', { name: String(requestId) }).click();
  await expect(staff.page).toHaveURL(new RegExp(`/admin/requests/${requestId}$`));
  await expect(staff.page.getByText('李**').or(staff.page.getByText('李建国')).first()).toBeVisible();
  await expect(staff.page.getByRole('button', { name: '困难证明.png' })).toBeVisible();
  await expect(staff.page.getByText('4,000.00').or(staff.page.getByText('2600.00 元'))).toBeVisible();
  await staff.page.screenshot({ path: join(SCREENSHOT_DIR, 'hall-admin-02-request.png'), fullPage: true });

  const act = async (label: RegExp, comment?: string) => {
    await staff.page.locator('.uh-block-card').getByRole('button', { name: label }).click();
    const dialog = staff.page.getByRole('dialog');
    if (comment) await dialog.getByRole('textbox').fill(comment);
    await dialog.getByRole('button', { name: label }).click();
    await expect(dialog).toBeHidden();
  };
  await act(/^受\s*理$/);
  await expect(staff.page.getByTestId('request-state')).toHaveText('已受理');
  await act(/办理进展/, '已于 11 月 26 日入户走访核实，情况属实，已在社区公示三天。经办人：王芳');
  await staff.page
    .locator('.uh-block-card')
    .getByRole('button', { name: /^办\s*结$/ })
    .click();
  const dialog = staff.page.getByRole('dialog');
  await dialog.getByRole('button', { name: /^办\s*结$/ }).click();
  await expect(dialog.getByText('请填写办理意见')).toBeVisible();
  await dialog
    .getByRole('textbox')
    .fill('经区总工会审核，发放困难职工医疗救助金 5000 元，已于今日在区职工服务中心线下办理转账。');
  await dialog.getByRole('button', { name: /^办\s*结$/ }).click();
  await expect(staff.page.getByTestId('request-state')).toHaveText('已办结');
  await expect(staff.page.getByTestId('timeline')).toContainText('入户走访核实');
  await staff.page.screenshot({ path: join(SCREENSHOT_DIR, 'hall-admin-03-completed.png'), fullPage: true });
  await staff.context.close();

  // The member sees the whole way on the phone and rates it.
  await page.reload();
  await expect(page.getByTestId('request-state')).toHaveText('已办结');
  await expect(page.getByTestId('timeline')).toContainText('发放困难职工医疗救助金 5000 元');
  await expect(page.getByTestId('timeline')).toContainText('入户走访核实');
  await shot(page, 'member-06-completed');
  const rate = page.getByTestId('rate-card');
  await rate.getByRole('button', { name: '5 星' }).click();
  await expect(rate.getByText('非常满意')).toBeVisible();
  await rate.getByRole('textbox').fill('工会的同志上门核实，很快就办好了，感谢！');
  await rate.getByRole('button', { name: '评价' }).click();
  await expect(page.getByText('您的评价：5 星')).toBeVisible();
  await shot(page, 'member-07-rated');

  // The state changes reached the member's inbox.
  await expect(page.getByText('感谢您的评价')).toBeHidden();
  await page.getByText('消息').last().click();
  await expect(page.getByText('困难职工帮扶申请').first()).toBeVisible();
  await expect(page.locator('.adm-tab-bar-item-active')).toContainText('消息');
  await shot(page, 'member-08-inbox');

  await page.goto('/m/requests');
  await expect(page.getByText('困难职工帮扶申请')).toBeVisible();
  await expect(page.getByText('已办结').first()).toBeVisible();
  await shot(page, 'member-09-my-requests');
});

/** The next journey asks a sign-in code for the same phone; the server sends one a minute. */
test.afterAll(async () => {
  test.setTimeout(90_000);
  const last = smsTo(demoAccounts().memberPhone).at(-1);
  const wait = last ? new Date(last.at).getTime() + 61_000 - Date.now() : 0;
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
});
