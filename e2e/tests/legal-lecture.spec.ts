import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { lastSmsCode, smsTo } from '../support/demo.js';
import { adminPage } from '../support/flows.js';
import { SCREENSHOT_DIR } from '../support/paths.js';

test.beforeAll(() => mkdirSync(SCREENSHOT_DIR, { recursive: true }));

const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(SCREENSHOT_DIR, `legal-lecture-${name}.png`), fullPage: true });

/** A seeded member of 河南中原建设集团's union (under 金水区总工会), as the demo generates them. */
const MEMBER_PHONE = `139${String(37000000 + 9 * 7).padStart(8, '0')}`;

/** "YYYY-MM-DD HH:mm" in China time, `minutes` from now rounded down to five minutes. */
function chinaTime(minutes: number): string {
  const at = new Date(Math.floor((Date.now() + minutes * 60_000) / 300_000) * 300_000 + 8 * 3600_000);
  return at.toISOString().slice(0, 16).replace('T', ' ');
}

async function memberPhone(browser: Browser, phone: string): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 2,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  const page = await context.newPage();
  const sent = smsTo(phone).length;
  await page.goto('/m/login');
  await page.getByPlaceholder('请输入 11 位手机号').fill(phone);
  await page.getByText('获取验证码').click();
  await expect.poll(() => smsTo(phone).length).toBeGreaterThan(sent);
  await page.getByPlaceholder('请输入验证码').fill(lastSmsCode(phone)!);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page).toHaveURL(/\/m\/?$/);
  await expect(page.getByText('验证码已发送，请注意查收短信')).toBeHidden();
  return page;
}

test('staff publish a lecture, a member registers, checks in by the QR link, and staff see the attendance', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const title = '欠薪维权现场答疑会';
  const staff = await adminPage(browser, 'jinshui_staff');
  await staff.getByRole('menuitem', { name: '法律服务' }).click();
  await staff.getByRole('menuitem', { name: '法律大讲堂' }).click();
  await expect(staff).toHaveURL(/\/admin\/legal\/lectures$/);
  // The demo's lectures are listed: 金水区's own and none from elsewhere.
  await expect(staff.locator('.ant-table')).toContainText('《劳动合同法》与工资权益保护');

  await staff.getByRole('button', { name: '新建讲座' }).click();
  const form = staff.locator('.ant-modal');
  await form.getByLabel('讲座标题').fill(title);
  await form
    .getByLabel('讲座内容')
    .fill('被拖欠工资怎么办？如何保存考勤和工资条证据，向劳动监察投诉和申请仲裁的步骤。');
  await form.getByLabel('主讲人', { exact: true }).fill('孙志强');
  await form.getByLabel('主讲人职务').fill('金水区职工法律援助工作站律师');
  await form.getByLabel('地点').fill('金水区职工服务中心二楼会议室');
  const range = form.locator('.ant-picker-range input');
  await range.nth(0).click();
  await range.nth(0).fill(chinaTime(40));
  await range.nth(0).press('Enter');
  await range.nth(1).fill(chinaTime(160));
  await range.nth(1).press('Enter');
  const deadline = form.locator('#lecture-form_registrationDeadline');
  await deadline.click();
  await deadline.fill(chinaTime(30));
  await deadline.press('Enter');
  await form.getByLabel('名额').fill('60');
  await shot(staff, '01-create');
  await form.getByRole('button', { name: /保\s*存/ }).click();
  await expect(staff).toHaveURL(/\/admin\/legal\/lectures\/\d+$/);
  await staff.getByRole('button', { name: /发\s*布/ }).click();
  await expect(staff.locator('.ant-card-head').first()).toContainText('已发布');
  await shot(staff, '02-published');

  // The member finds it from the home page tile and registers.
  const member = await memberPhone(browser, MEMBER_PHONE);
  await member.getByRole('button', { name: '法律大讲堂' }).click();
  await expect(member).toHaveURL(/\/m\/lectures$/);
  // Upcoming first: the new lecture, then the demo's; the demo member registered for none of them.
  await expect(member.locator('.adm-list-item').first()).toContainText(title);
  await shot(member, '03-member-list');
  await member.getByText(title).click();
  await expect(member.getByText('金水区职工服务中心二楼会议室')).toBeVisible();
  await member.getByRole('button', { name: '立即报名' }).click();
  await expect(member.getByText('已报名', { exact: true })).toBeVisible();
  await shot(member, '04-member-registered');

  // Staff open the check-in screen; the QR code holds the member-app link with a signed token.
  await staff.getByRole('button', { name: '签到大屏' }).click();
  await expect(staff).toHaveURL(/\/checkin$/);
  const qr = staff.getByRole('img', { name: '请用手机扫码签到' });
  await expect(qr).toBeVisible();
  await shot(staff, '05-checkin-screen');
  const path = await qr.getAttribute('data-path');
  expect(path).toMatch(/^\/m\/lectures\/checkin\?t=UHL1\./);

  // The phone camera opens the link: the member is checked in.
  await member.goto(path!);
  await expect(member.getByText('签到成功')).toBeVisible();
  await expect(member.getByText(`欢迎参加“${title}”`)).toBeVisible();
  await shot(member, '06-member-checked-in');

  // The screen counts them; the lecture page lists them as present.
  await expect(staff.locator('.ant-statistic').first()).toContainText('1', { timeout: 40_000 });
  await staff.getByText('返回讲座').click();
  await expect(staff.getByText('报名 1 人，已签到 1 人，剩余名额 59 个')).toBeVisible();
  await expect(staff.locator('.ant-table-row').first()).toContainText('扫码');
  await shot(staff, '07-attendance');
});
