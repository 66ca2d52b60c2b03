import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { runServerJob, setServerClock } from '../support/clock.js';
import { demoAccount } from '../support/demo.js';
import { idNumber, memberApi, registerMember, staffApi } from '../support/flows.js';
import { SCREENSHOT_DIR } from '../support/paths.js';

test.beforeAll(() => mkdirSync(SCREENSHOT_DIR, { recursive: true }));

const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(SCREENSHOT_DIR, `hall-oversight-${name}.png`), fullPage: true });

async function signIn(page: Page, username: string) {
  const account = demoAccount(username);
  await page.goto('/admin/login');
  await page.getByPlaceholder('请输入用户名').fill(account.username);
  await page.getByPlaceholder('请输入密码').fill(account.password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByRole('menuitem', { name: '服务工单' }).click();
  await expect(page).toHaveURL(/\/admin\/requests/);
}

async function apiHeaders(request: APIRequestContext, username: string) {
  const account = demoAccount(username);
  const login = await request.post('/api/v1/auth/login', {
    data: { username: account.username, password: account.password },
  });
  expect(login.status()).toBe(200);
  return { authorization: `Bearer ${(await login.json()).accessToken}` };
}

/**
 * A worker asks 金水区 for a consultation today; nobody accepts it. The journey then puts the
 * server's clock ten days ahead and runs the hourly escalation job's pass: every 金水区 request
 * still open then is past its promised time, and the city is asked to chase it.
 */
test('the city chases the county’s overdue requests in 督办', async ({ page, request }) => {
  const worker = { name: '赵红霞', idNumber: idNumber('41010519910523046'), phone: '13837100071' };
  await registerMember(request, await staffApi(request, 'zhongyuan_jianshe'), worker);
  const member = await memberApi(request, worker.phone);
  const offered = await request.get('/api/v1/me/services', { headers: member });
  expect(offered.status(), await offered.text()).toBe(200);
  const catalogue = await offered.json();
  const legal = (catalogue.services as { id: number; name: string }[]).find((s) => s.name === '法律咨询预约');
  expect(legal, 'the demo hall offers 法律咨询预约').toBeTruthy();
  const filed = await request.post('/api/v1/me/service-requests', {
    headers: { ...member, 'idempotency-key': randomUUID() },
    data: {
      serviceId: legal!.id,
      data: {
        topic: '拖欠工资',
        preferredDate: new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10),
        way: '电话咨询',
        question: '公司已经两个月没发工资，想咨询怎么维权',
      },
      attachments: [],
    },
  });
  expect(filed.status(), await filed.text()).toBe(201);
  const filedId = (await filed.json()).id as number;

  try {
    await setServerClock(request, new Date(Date.now() + 10 * 86_400_000));
    expect(await runServerJob(request, 'request-escalation')).toBeGreaterThan(0);
    // A second pass the same day chases nothing again.
    expect(await runServerJob(request, 'request-escalation')).toBe(0);
  } finally {
    await setServerClock(request, null);
  }
  const city = await apiHeaders(request, 'zhengzhou_admin');
  const chased = await request.get('/api/v1/service-requests?queue=escalated&pageSize=100', {
    headers: city,
  });
  expect(chased.status(), await chased.text()).toBe(200);
  expect((await chased.json()).items.map((r: { id: number }) => r.id)).toContain(filedId);

  await signIn(page, 'zhengzhou_admin');
  // The bell says so first: a notice per escalated request, opening the request.
  await page.getByTestId('notification-bell').click();
  const notice = page.locator('.uh-bell-item').filter({ hasText: '逾期申请督办' }).first();
  await expect(notice).toContainText('金水区总工会承办的“法律咨询预约”');
  await shot(page, '00-bell');
  await notice.click();
  await expect(page).toHaveURL(/\/admin\/requests\/\d+$/);
  await expect(page.getByText('由金水区总工会承办，上级工会只能查看')).toBeVisible();
  await page.getByRole('menuitem', { name: '服务工单' }).click();
  await page.getByRole('tab', { name: '督办' }).click();
  const rows = page.locator('.ant-table-tbody tr.ant-table-row');
  await expect(rows.first()).toBeVisible();
  await expect(rows.filter({ hasText: '金水区总工会' }).first()).toBeVisible();
  // Accepted yesterday, due in a week: overdue only on the clock the journey set.
  await expect(rows.filter({ hasText: '已受理' })).toHaveCount(1);
  await expect(rows.filter({ hasText: '待受理' }).first()).toBeVisible();
  await shot(page, '01-city-escalated');

  await rows.filter({ hasText: '已受理' }).getByRole('link').first().click();
  await expect(page.getByText('郑州市总工会督办中')).toBeVisible();
  await expect(page.getByTestId('timeline')).toContainText('已提请郑州市总工会督办');
  // The city sees it but the county handles it.
  await expect(page.getByText('由金水区总工会承办，上级工会只能查看')).toBeVisible();
  await expect(page.getByRole('button', { name: /^办\s*结$/ })).toHaveCount(0);
  await shot(page, '02-city-escalated-request');
});

test('a provincial viewer sees a county request read-only, and the API refuses to act', async ({
  page,
  request,
}) => {
  await signIn(page, 'henan_viewer');
  await page.getByRole('tab', { name: '下级工会' }).click();
  const row = page.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: '待受理' }).first();
  await expect(row).toContainText('金水区总工会');
  await shot(page, '03-viewer-subtree');
  await row.getByRole('link').first().click();
  await expect(page).toHaveURL(/\/admin\/requests\/\d+$/);
  const id = Number(page.url().split('/').pop());

  await expect(page.getByText('由金水区总工会承办，上级工会只能查看')).toBeVisible();
  await expect(page.getByTestId('request-state')).toHaveText('待受理');
  for (const label of [/^受\s*理$/, /^办\s*结$/, /不予受理/, /^转\s*办$/])
    await expect(page.getByRole('button', { name: label })).toHaveCount(0);
  await expect(page.getByPlaceholder('回复申请人')).toHaveCount(0);
  await expect(page.getByText('138****').or(page.getByText('139****')).first()).toBeVisible();
  await shot(page, '04-viewer-read-only');

  // No bulk acceptance for a viewer either.
  await page.getByText('返回工单列表').click();
  await expect(page.getByRole('button', { name: '批量受理' })).toHaveCount(0);

  const viewer = await apiHeaders(request, 'henan_viewer');
  const accept = await request.post(`/api/v1/service-requests/${id}/accept`, { headers: viewer, data: {} });
  expect(accept.status()).toBe(403);
  const admin = await apiHeaders(request, 'henan_admin');
  const fromAbove = await request.post(`/api/v1/service-requests/${id}/accept`, { headers: admin, data: {} });
  expect(fromAbove.status()).toBe(403);
  expect((await fromAbove.json()).error.code).toBe('REQUEST_NOT_HANDLING_UNION');
});

test('a county designs a service form, and sees the services offered from above with 替换', async ({
  page,
}) => {
  await signIn(page, 'jinshui_staff');
  await page.getByRole('menuitem', { name: '服务事项' }).click();
  await expect(page.locator('tr').filter({ hasText: '农民工技能培训报名' })).toContainText('已发布');
  await page.getByRole('tab', { name: '上级服务' }).click();
  const inherited = page.locator('tr').filter({ hasText: '困难职工帮扶申请' });
  await expect(inherited).toContainText('河南省总工会');
  await expect(inherited.getByRole('button', { name: /替\s*换/ })).toBeVisible();
  await shot(page, '05-services-inherited');

  await page.getByRole('tab', { name: '本会服务' }).click();
  await page.getByRole('button', { name: '新建服务' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('服务名称').fill('职工疗休养报名');
  await dialog.getByLabel('一句话介绍').fill('一线职工、劳动模范每年一次免费疗休养');
  await dialog.getByRole('button', { name: '添加字段' }).click();
  await dialog.getByRole('textbox', { name: '字段名称' }).first().fill('意向疗养地');
  await dialog.getByRole('button', { name: '添加字段' }).click();
  await dialog.getByRole('textbox', { name: '字段名称' }).nth(1).fill('出发日期');
  await dialog.locator('.ant-table-row').nth(1).locator('.ant-select').click();
  await page.locator('.ant-select-item-option:visible').filter({ hasText: '日期' }).click();
  await dialog.getByRole('button', { name: '添加材料' }).click();
  await dialog.getByRole('textbox', { name: '材料名称' }).fill('单位推荐表');
  await shot(page, '06-service-designer');
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await expect(dialog).toBeHidden();
  const row = page.locator('tr').filter({ hasText: '职工疗休养报名' });
  await expect(row).toContainText('草稿');
  await row.getByRole('button', { name: /发\s*布/ }).click();
  await expect(row).toContainText('已发布');
});

test('staff choose which notices also come by e-mail', async ({ page }) => {
  await signIn(page, 'jinshui_staff');
  await page.getByRole('menuitem', { name: '个人资料' }).click();
  const card = page.locator('.ant-card').filter({ hasText: '通知设置' });
  await expect(card.getByText('填写工作邮箱并保存后')).toBeVisible();
  await card.getByRole('textbox').fill('jinshui@example.cn');
  await card.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByText('已保存').first()).toBeVisible();
  const row = card.locator('tr').filter({ hasText: '服务申请进度' });
  await expect(row.getByRole('switch').last()).toBeVisible();
  const before = await row.getByRole('switch').last().getAttribute('aria-checked');
  await row.getByRole('switch').last().click();
  await expect(row.getByRole('switch').last()).toHaveAttribute(
    'aria-checked',
    before === 'true' ? 'false' : 'true',
  );
  await card.scrollIntoViewIfNeeded();
  await shot(page, '07-notification-settings');
  await page.reload();
  await expect(
    page
      .locator('.ant-card')
      .filter({ hasText: '通知设置' })
      .locator('tr')
      .filter({ hasText: '服务申请进度' })
      .getByRole('switch')
      .last(),
  ).toHaveAttribute('aria-checked', before === 'true' ? 'false' : 'true');
});
