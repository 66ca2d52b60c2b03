import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type APIRequestContext, expect, test } from '@playwright/test';
import { demoAccount } from '../support/demo.js';
import { SCREENSHOT_DIR } from '../support/paths.js';

test.beforeAll(() => mkdirSync(SCREENSHOT_DIR, { recursive: true }));

test('an org admin creates an open-API key for a government platform, it works, then it is revoked', async ({
  page,
  request,
}) => {
  const account = demoAccount('zhengzhou_admin');
  await page.goto('/admin/login');
  await page.getByPlaceholder('请输入用户名').fill(account.username);
  await page.getByPlaceholder('请输入密码').fill(account.password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByRole('menuitem', { name: '开放接口' }).click();
  await expect(page).toHaveURL(/\/admin\/api-keys/);
  await expect(page.getByText('尚未创建接口密钥')).toBeVisible();

  await page.getByRole('button', { name: '新建密钥' }).click();
  await page.getByPlaceholder('例如：省政务数据共享平台').fill('郑州市政务数据共享平台');
  await page
    .getByRole('dialog', { name: '新建密钥' })
    .getByRole('button', { name: /确\s*定|OK/ })
    .click();
  const shown = page.getByTestId('created-api-key');
  await expect(shown).toContainText('uhk_');
  const key = (await shown.textContent())!.trim();
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'admin-04-api-key-created.png') });
  await page
    .getByRole('dialog', { name: '密钥已创建' })
    .getByRole('button', { name: /确\s*定/ })
    .click();

  // The key reaches the admin's own federation and nothing above it.
  const { orgId, parentId } = await homeOrg(request, account);
  const withKey = { headers: { authorization: `ApiKey ${key}` } };
  expect((await request.get(`/api/v1/orgs/${orgId}/children`, withKey)).status()).toBe(200);
  expect((await request.get(`/api/v1/orgs/${parentId}`, withKey)).status()).toBe(404);

  const row = page.getByRole('row', { name: /郑州市政务数据共享平台/ });
  await expect(row.getByText('有效')).toBeVisible();
  await row.getByRole('button', { name: /吊\s*销/ }).click();
  await page
    .getByRole('dialog', { name: '吊销' })
    .getByRole('button', { name: /确\s*定|OK/ })
    .click();
  await expect(row.getByText('已吊销')).toBeVisible();
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'admin-05-api-key-revoked.png') });
  expect((await request.get(`/api/v1/orgs/${orgId}`, withKey)).status()).toBe(401);
});

/** The admin's org and its parent, asked of the API with the admin's own session. */
async function homeOrg(request: APIRequestContext, account: { username: string; password: string }) {
  const login = await request.post('/api/v1/auth/login', {
    data: { username: account.username, password: account.password },
  });
  const headers = { authorization: `Bearer ${(await login.json()).accessToken}` };
  const me = await (await request.get('/api/v1/me', { headers })).json();
  const org = await (await request.get(`/api/v1/orgs/${me.org.id}`, { headers })).json();
  return { orgId: me.org.id as number, parentId: org.parentId as number };
}
