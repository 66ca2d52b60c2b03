import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { signInAdmin } from '../support/flows.js';
import { SCREENSHOT_DIR } from '../support/paths.js';

test.beforeAll(() => mkdirSync(SCREENSHOT_DIR, { recursive: true }));

const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(SCREENSHOT_DIR, `legal-admin-${name}.png`), fullPage: true });

test('a city federation registers a lawyer with a workspace sign-in, follows consultations and publishes a reviewed FAQ entry', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signInAdmin(page, 'zhengzhou_admin');
  await page.getByRole('menuitem', { name: '法律服务' }).click();
  await page.getByRole('menuitem', { name: '律师与志愿者' }).click();
  await expect(page.getByRole('cell', { name: '郑州大学法学院法律援助中心' })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'zz_lawyer1' })).toBeVisible();

  await page.getByRole('button', { name: /新增律师/ }).click();
  const dialog = page.getByRole('dialog', { name: '新增律师/志愿者' });
  await dialog.getByLabel('姓名').fill('陈立新');
  await dialog.getByLabel('执业机构').fill('河南金学苑律师事务所');
  await dialog.getByLabel('执业证号').fill('1410120151');
  await dialog.getByText('工伤', { exact: true }).click();
  await dialog.getByText('社会保险', { exact: true }).click();
  await dialog.getByLabel('手机号').fill('13803712468');
  await dialog.getByLabel('用户名').fill('zz_lawyer_chen');
  await dialog.getByLabel('初始密码').fill('Chen-Lvshi-2026!');
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await expect(dialog.getByText('执业证号应为 17 位数字')).toBeVisible();
  await shot(page, '01-provider-form');
  await dialog.getByLabel('执业证号').fill('14101201510456789');
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByRole('row').filter({ hasText: '陈立新' });
  await expect(row).toContainText('zz_lawyer_chen');
  await expect(row).toContainText('138****2468');
  await shot(page, '02-providers');

  // 咨询管理: every consultation of the city's unions, with who has it.
  await page.getByRole('menuitem', { name: '咨询管理' }).click();
  await expect(page.getByRole('link', { name: /没和我签书面劳动合同/ })).toBeVisible();
  await expect(page.getByTestId('pickup-timeout')).toHaveText('15 分钟');
  await shot(page, '03-consultations');
  await page.getByRole('link', { name: /冲床/ }).click();
  await expect(page.getByTestId('consultation-text')).toContainText('压伤了左手两根手指');
  await expect(page.getByText('律师答复').first()).toBeVisible();

  // 问答审核: the answered work-injury question waits, masked; staff tidy it and publish it.
  await page.getByRole('menuitem', { name: '问答审核' }).click();
  const pending = page.getByRole('row').filter({ hasText: '冲床' });
  await pending.getByRole('button', { name: /审\s*核/ }).click();
  const review = page.getByRole('dialog', { name: '审核问答' });
  await expect(review.getByText('已自动隐去姓名、手机号、身份证号等个人信息')).toBeVisible();
  await review.getByLabel('问题').fill('在车间操作冲床压伤了手指，公司只给出医药费、不给申报工伤，可以吗？');
  await shot(page, '04-faq-review');
  await review.getByRole('button', { name: /发\s*布/ }).click();
  await expect(page.getByText('已发布，会员可在“常见问题”中搜到')).toBeVisible();
  await page.getByRole('tab', { name: '已发布' }).click();
  await expect(page.getByRole('row').filter({ hasText: '不给申报工伤' })).toBeVisible();
  await shot(page, '05-faq-published');
});
