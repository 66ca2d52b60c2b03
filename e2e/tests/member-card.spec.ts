import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type APIRequestContext, expect, test } from '@playwright/test';
import { demoAccount, demoAccounts, lastSmsCode, smsTo } from '../support/demo.js';
import { SCREENSHOT_DIR } from '../support/paths.js';

test.beforeAll(() => mkdirSync(SCREENSHOT_DIR, { recursive: true }));

/** GB 11643 check character over the first 17 digits. */
function idNumber(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * weights[i]!, 0);
  return `${first17}${'10X98765432'[sum % 11]}`;
}

async function staffSession(request: APIRequestContext) {
  const account = demoAccount('zhongyuan_jianshe');
  const login = await request.post('/api/v1/auth/login', {
    data: { username: account.username, password: account.password },
  });
  expect(login.status()).toBe(200);
  const headers = { authorization: `Bearer ${(await login.json()).accessToken}` };
  const me = await (await request.get('/api/v1/me', { headers })).json();
  return { headers, orgId: me.org.id as number, orgName: me.org.name as string };
}

test('a member opens the card on the phone and a verifier accepts its QR code once', async ({
  page,
  request,
}) => {
  const phone = demoAccounts().memberPhone;
  const staff = await staffSession(request);
  expect(staff.orgName).toBe('河南中原建设集团有限公司工会委员会');

  const sent = smsTo(phone).length;
  await page.goto('/m/login');
  await page.getByPlaceholder('请输入 11 位手机号').fill(phone);
  await page.getByText('获取验证码').click();
  await expect.poll(() => smsTo(phone).length).toBeGreaterThan(sent);
  await page.getByPlaceholder('请输入验证码').fill(lastSmsCode(phone)!);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page.getByText('我要入会')).toBeVisible();

  // Before the union issues a card, the page says so and points to joining.
  await page.getByRole('button', { name: /会员卡/ }).click();
  await expect(page.getByText('您还没有会员卡')).toBeVisible();
  await expect(page.getByText('验证码已发送，请注意查收短信')).toBeHidden();
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'member-04-card-none.png') });
  await page.getByRole('button', { name: '我要入会' }).click();
  await expect(page).toHaveURL(/\/m\/join$/);
  await expect(page.getByRole('heading', { name: '个人信息' })).toBeVisible();
  await page.goto('/m');
  await expect(page.getByText('全部服务')).toBeVisible();

  const created = await request.post('/api/v1/members', {
    headers: staff.headers,
    data: {
      orgId: staff.orgId,
      name: '李建国',
      idNumber: idNumber('41010519850312003'),
      phone,
      joinedOn: '2018-06-01',
      employerName: '河南中原建设集团有限公司',
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const member = await created.json();
  const issued = await request.post(`/api/v1/members/${member.id}/card`, { headers: staff.headers });
  expect(issued.status(), await issued.text()).toBe(201);
  const { cardNo } = await issued.json();
  expect(cardNo).toMatch(/^\d{16}$/);

  await page.getByRole('button', { name: /会员卡/ }).click();
  await expect(page).toHaveURL(/\/m\/card$/);
  await expect(page.getByText('中华全国总工会会员卡')).toBeVisible();
  await expect(page.getByTestId('card-no')).toHaveText(cardNo.replace(/(\d{4})(?=\d)/g, '$1 '));
  await expect(page.getByText('李**')).toBeVisible();
  await expect(page.getByText('河南中原建设集团有限公司工会委员会')).toBeVisible();
  const qr = page.getByAltText('会员卡二维码');
  await expect(qr).toBeVisible();
  await expect(page.getByText(/二维码 \d+ 秒后自动刷新/)).toBeVisible();
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'member-04-card.png') });

  // The verifier reads the token the phone shows and checks it with the server.
  const token = await qr.getAttribute('data-token');
  expect(token).toMatch(/^UHC1\./);
  const verify = () => request.post('/api/v1/cards/verify', { headers: staff.headers, data: { token } });
  expect(await (await verify()).json()).toEqual({
    valid: true,
    reason: null,
    cardNo,
    maskedName: '李**',
    orgName: '河南中原建设集团有限公司工会委员会',
  });
  expect(await (await verify()).json()).toMatchObject({ valid: false, reason: 'replayed', cardNo: null });
});

/**
 * The next journey asks a sign-in code for the same phone; the server sends one a minute, so leave
 * the phone ready for it.
 */
test.afterAll(async () => {
  test.setTimeout(90_000);
  const last = smsTo(demoAccounts().memberPhone).at(-1);
  const wait = last ? new Date(last.at).getTime() + 61_000 - Date.now() : 0;
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
});
