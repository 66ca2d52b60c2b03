import { type APIRequestContext, type Browser, expect, type Page } from '@playwright/test';
import { idNumberCheckChar } from '@unionhub/contracts';
import { demoAccount, lastSmsCode, smsTo } from './demo.js';

/** An ID number with a correct GB 11643 check character. */
export const idNumber = (first17: string) => `${first17}${idNumberCheckChar(first17)}`;

/** Signs a staff account in over the API; answers its headers and org. */
export async function staffApi(request: APIRequestContext, username: string, password?: string) {
  const login = await request.post('/api/v1/auth/login', {
    data: { username, password: password ?? demoAccount(username).password },
  });
  expect(login.status(), await login.text()).toBe(200);
  const headers = { authorization: `Bearer ${(await login.json()).accessToken}` };
  const me = await (await request.get('/api/v1/me', { headers })).json();
  return { headers, orgId: me.org.id as number, orgName: me.org.name as string };
}

/** Registers a member in the caller's union (with a card when asked), as the union's staff would. */
export async function registerMember(
  request: APIRequestContext,
  staff: Awaited<ReturnType<typeof staffApi>>,
  member: { name: string; idNumber: string; phone: string },
  withCard = false,
) {
  const created = await request.post('/api/v1/members', {
    headers: staff.headers,
    data: { orgId: staff.orgId, ...member, joinedOn: '2020-03-01', employerName: '河南中原建设集团有限公司' },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { id } = (await created.json()) as { id: number };
  if (!withCard) return { id, cardNo: null };
  const issued = await request.post(`/api/v1/members/${id}/card`, { headers: staff.headers });
  expect(issued.status(), await issued.text()).toBe(201);
  return { id, cardNo: (await issued.json()).cardNo as string };
}

/** The member app's sign-in over the API, with the code from the dev SMS outbox. */
export async function memberApi(request: APIRequestContext, phone: string) {
  const sent = smsTo(phone).length;
  const asked = await request.post('/api/v1/auth/otp', { data: { phone } });
  expect(asked.status(), await asked.text()).toBeLessThan(300);
  await expect.poll(() => smsTo(phone).length).toBeGreaterThan(sent);
  const verified = await request.post('/api/v1/auth/otp/verify', {
    data: { phone, code: lastSmsCode(phone) },
  });
  expect(verified.status(), await verified.text()).toBe(200);
  return { authorization: `Bearer ${(await verified.json()).accessToken}` };
}

/** A fresh card QR token, as the member's phone would show it. */
export async function cardToken(request: APIRequestContext, member: Record<string, string>): Promise<string> {
  const res = await request.get('/api/v1/me/card', { headers: member });
  expect(res.status(), await res.text()).toBe(200);
  return (await res.json()).token as string;
}

/** A desktop admin console page signed in as `username`, in a browser context of its own. */
export async function adminPage(browser: Browser, username: string, password?: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 860 }, locale: 'zh-CN' });
  const page = await context.newPage();
  await signInAdmin(page, username, password);
  return page;
}

export async function signInAdmin(page: Page, username: string, password?: string) {
  await page.goto('/admin/login');
  await page.getByPlaceholder('请输入用户名').fill(username);
  await page.getByPlaceholder('请输入密码').fill(password ?? demoAccount(username).password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page).not.toHaveURL(/\/admin\/login/);
}

/** Opens a member's drawer from 会员管理 by searching the name. */
export async function openMember(page: Page, name: string) {
  await page.getByRole('menuitem', { name: '会员管理' }).click();
  await page.getByPlaceholder('姓名、拼音、身份证号或手机号').fill(name);
  await page
    .locator('form[id="member-filters"]')
    .getByRole('button', { name: /查\s*询/ })
    .click();
  const row = page.locator('.ant-table-row').filter({ hasText: name });
  await expect(row).toHaveCount(1);
  await row.click();
  const drawer = page.locator('.ant-drawer');
  await expect(drawer).toContainText(`会员详情 · ${name}`);
  return { row, drawer };
}
