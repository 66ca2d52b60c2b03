import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { type APIRequestContext, type Browser, expect, type Page, test } from '@playwright/test';
import { idNumberCheckChar } from '@unionhub/contracts';
import { demoAccount, lastSmsCode, smsTo } from '../support/demo.js';
import { SCREENSHOT_DIR } from '../support/paths.js';

test.beforeAll(() => mkdirSync(SCREENSHOT_DIR, { recursive: true }));

const shot = (page: Page, name: string, fullPage = false) =>
  page.screenshot({ path: join(SCREENSHOT_DIR, `assistance-${name}.png`), fullPage });
const id = (first17: string) => `${first17}${idNumberCheckChar(first17)}`;

/** A phone photo of a hospital bill: a small PNG with lines of text and a red stamp. */
function billPhoto(size = 64): Buffer {
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
      const line = y > 8 && y < size - 8 && y % 6 < 2 && x > 8 && x < size - 8;
      const stamp = (x - 46) ** 2 + (y - 48) ** 2 < 64 && (x - 46) ** 2 + (y - 48) ** 2 > 36;
      const [r, g, b] = stamp ? [200, 22, 29] : line ? [90, 90, 90] : [252, 250, 244];
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

const SELF_ID = id('41010519820715013');
/** A worker of our own: the demo phone is left to the journeys that expect it unregistered. */
const PHONE = '13800138123';
const NAME = '王建军';

/** 王建军 works at 中原建设集团 and is a member of its union. */
async function ensureMember(request: APIRequestContext) {
  const account = demoAccount('zhongyuan_jianshe');
  const login = await request.post('/api/v1/auth/login', {
    data: { username: account.username, password: account.password },
  });
  const headers = { authorization: `Bearer ${(await login.json()).accessToken}` };
  const me = await (await request.get('/api/v1/me', { headers })).json();
  const created = await request.post('/api/v1/members', {
    headers,
    data: {
      orgId: me.org.id,
      name: NAME,
      idNumber: SELF_ID,
      phone: PHONE,
      joinedOn: '2018-06-01',
      employerName: '河南中原建设集团有限公司',
    },
  });
  expect([201, 409]).toContain(created.status());
}

async function staffPage(browser: Browser, username: string) {
  const context = await browser.newContext({
    viewport: { width: 1366, height: 860 },
    locale: 'zh-CN',
    acceptDownloads: true,
  });
  const page = await context.newPage();
  const account = demoAccount(username);
  await page.goto('/admin/login');
  await page.getByPlaceholder('请输入用户名').fill(account.username);
  await page.getByPlaceholder('请输入密码').fill(account.password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page.getByRole('menuitem', { name: '帮扶救助' })).toBeVisible();
  return { page, context };
}

/** A union's reviewer opens 帮扶申请 → 待我审核, finds the application and approves it. */
async function approveAt(browser: Browser, username: string, appId: number, prefix: string) {
  const staff = await staffPage(browser, username);
  await staff.page.getByRole('menuitem', { name: '帮扶救助' }).click();
  await staff.page.getByRole('menuitem', { name: '帮扶申请' }).click();
  const row = staff.page
    .locator('tr')
    .filter({ has: staff.page.getByRole('link', { name: String(appId), exact: true }) });
  await expect(row).toContainText(NAME);
  await expect(row).toContainText('医疗救助');
  await expect(row).toContainText('3,000.00');
  await shot(staff.page, `${prefix}-01-queue`);
  await row.getByRole('link', { name: '审核' }).click();
  await expect(staff.page).toHaveURL(new RegExp(`/admin/assistance/applications/${appId}$`));
  await expect(staff.page.getByRole('button', { name: '病历和住院费用清单.png' })).toBeVisible();
  await expect(staff.page.getByText('张桂兰')).toBeVisible();
  await shot(staff.page, `${prefix}-02-detail`, true);
  await staff.page.getByRole('button', { name: /审核通过/ }).click();
  const dialog = staff.page.getByRole('dialog');
  await dialog.getByRole('textbox').fill('经入户走访核实，情况属实，同意救助。');
  await dialog.getByRole('button', { name: /审核通过/ }).click();
  await expect(dialog).toBeHidden();
  return staff;
}

test('a worker applies for medical assistance with evidence; the company union and the district approve; it is paid in a batch and the worker sees 已发放', async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(180_000);
  await ensureMember(request);
  const phone = PHONE;

  // The worker signs in on the phone and opens 困难帮扶 from the home grid.
  const sent = smsTo(phone).length;
  await page.goto('/m/login');
  await page.getByPlaceholder('请输入 11 位手机号').fill(phone);
  await page.getByText('获取验证码').click();
  await expect.poll(() => smsTo(phone).length).toBeGreaterThan(sent);
  await page.getByPlaceholder('请输入验证码').fill(lastSmsCode(phone)!);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page.getByText('验证码已发送，请注意查收短信')).toBeHidden();
  await page.getByRole('button', { name: '困难帮扶' }).click();
  await expect(page).toHaveURL(/\/m\/assistance$/);
  await expect(page.getByText('还没有帮扶申请').or(page.locator('.adm-list-item').first())).toBeVisible();
  await shot(page, 'member-01-entry');
  await page.getByTestId('apply-assistance').click();

  // The application: kind, amount, reason, causes, income, the household, a photo of the bill, the bank card.
  const item = (label: string) => page.locator('.adm-form-item').filter({ hasText: label });
  await page.getByText('医疗救助', { exact: true }).click();
  await item('申请金额（元）').locator('input').fill('3000');
  await item('申请事由')
    .locator('textarea')
    .fill('爱人今年确诊乳腺癌，两次手术自付医疗费 6 万余元，孩子在上学，家中只有我一人有收入。');
  await item('致困原因').getByText('因病', { exact: true }).click();
  await item('人均月收入（元）').locator('input').fill('650');
  const person = (n: number) => page.locator('.adm-list').filter({ hasText: `家庭成员 ${n}` });
  await person(1).locator('.adm-form-item').filter({ hasText: '姓名' }).locator('input').fill(NAME);
  await person(1).locator('.adm-form-item').filter({ hasText: '身份证号' }).locator('input').fill(SELF_ID);
  await page.getByTestId('add-person').click();
  await person(2).locator('.adm-form-item').filter({ hasText: '姓名' }).locator('input').fill('张桂兰');
  await expect(person(2).getByRole('option', { name: '配偶' })).toHaveAttribute('aria-selected', 'true');
  await person(2)
    .locator('.adm-form-item')
    .filter({ hasText: '身份证号' })
    .locator('input')
    .fill(id('41010519870521002'));
  await person(2).getByText('重大疾病', { exact: true }).click();
  await person(2).getByText('失业', { exact: true }).click();
  await page
    .getByTestId('upload-evidence')
    .setInputFiles({ name: '病历和住院费用清单.png', mimeType: 'image/png', buffer: billPhoto() });
  await expect(page.locator('[data-slot=evidence] img')).toBeVisible();
  await item('收款银行').locator('input').fill('中国工商银行郑州金水支行');
  await item('银行卡号').locator('input').fill('6222 0217 0200 1234 567');
  await shot(page, 'member-02-form', true);
  await page.getByTestId('submit-assistance').click();

  await expect(page).toHaveURL(/\/m\/assistance\/\d+$/);
  const appId = Number(page.url().split('/').pop());
  await expect(page.getByTestId('assistance-state')).toHaveText('审核中');
  await expect(page.getByText('基层工会 · 审核中')).toBeVisible();
  await expect(page.getByText('县（区）总工会 · 待审核')).toBeVisible();
  await expect(page.getByText('申请已提交，请等待工会审核')).toBeHidden();
  await shot(page, 'member-03-submitted', true);

  // The company's union, then the district federation approve, each at its own level.
  const grassroots = await approveAt(browser, 'zhongyuan_jianshe', appId, 'grassroots');
  await expect(grassroots.page.getByText('当前不是本级审核，仅可查看。')).toBeVisible();
  await shot(grassroots.page, 'grassroots-03-approved', true);
  await grassroots.context.close();
  const county = await approveAt(browser, 'jinshui_staff', appId, 'county');
  await expect(county.page.locator('.ant-tag').filter({ hasText: '已审批' })).toBeVisible();

  // The district puts it in a payment batch, exports the bank list and marks it paid.
  await county.page.getByRole('menuitem', { name: '发放批次' }).click();
  const payable = county.page.locator('tr').filter({ hasText: NAME }).filter({ hasText: '医疗救助' });
  await payable.locator('.ant-checkbox-input').check();
  await shot(county.page, 'county-03-payable');
  await county.page.getByTestId('create-batch').click();
  const drawer = county.page.locator('.ant-drawer');
  await expect(drawer).toContainText(NAME);
  await expect(drawer).toContainText('6222 **** **** 4567');
  const download = county.page.waitForEvent('download');
  await drawer.getByRole('button', { name: '导出银行代发清单' }).click();
  expect((await download).suggestedFilename()).toMatch(/^assistance-batch-\d+\.xlsx$/);
  await drawer.getByRole('button', { name: '标记已发放' }).first().click();
  await expect(drawer.locator('.ant-tag').filter({ hasText: '已发放' })).toBeVisible();
  await expect(drawer.locator('.ant-tag').filter({ hasText: '已完成' })).toBeVisible();
  await expect(county.page.locator('.ant-message-notice')).toHaveCount(0, { timeout: 10_000 });
  await shot(county.page, 'county-04-batch-paid');
  await county.context.close();

  // The worker sees 已发放 on the phone.
  await page.reload();
  await expect(page.getByTestId('assistance-state')).toHaveText('已发放');
  await expect(page.getByText(/已于 .* 发放到您的银行卡/)).toBeVisible();
  await shot(page, 'member-04-paid', true);
  await page.goto('/m/assistance');
  await expect(page.locator('.adm-list-item').filter({ hasText: '医疗救助' }).first()).toContainText(
    '已发放',
  );
  await shot(page, 'member-05-list');
});
