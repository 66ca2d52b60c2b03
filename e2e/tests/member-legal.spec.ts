import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { lastSmsCode, smsTo } from '../support/demo.js';
import { adminPage, idNumber, registerMember, staffApi } from '../support/flows.js';
import { SCREENSHOT_DIR } from '../support/paths.js';

test.beforeAll(() => mkdirSync(SCREENSHOT_DIR, { recursive: true }));

const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(SCREENSHOT_DIR, `legal-${name}.png`), fullPage: true });

/** The demo's lawyers of 郑州市总工会 and their workspace sign-ins. */
const LAWYERS: Record<string, string> = { 王志远: 'zz_lawyer1', 李雪芳: 'zz_lawyer2', 张宏伟: 'zz_lawyer3' };

test('a worker asks a lawyer on the phone; the lawyer on duty picks it up and answers; the worker rates it and reads the FAQ', async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(150_000);
  const phone = '13700370011';
  const staff = await staffApi(request, 'zhongyuan_jianshe');
  await registerMember(request, staff, { name: '刘春生', idNumber: idNumber('41010519880705003'), phone });

  const sent = smsTo(phone).length;
  await page.goto('/m/login');
  await page.getByPlaceholder('请输入 11 位手机号').fill(phone);
  await page.getByText('获取验证码').click();
  await expect.poll(() => smsTo(phone).length).toBeGreaterThan(sent);
  await page.getByPlaceholder('请输入验证码').fill(lastSmsCode(phone)!);
  await page.getByRole('button', { name: /登\s*录/ }).click();

  await page.getByRole('button', { name: /法律咨询/ }).click();
  await expect(page).toHaveURL(/\/m\/legal$/);
  await expect(page.getByText('律师 24 小时在线值班')).toBeVisible();
  await shot(page, 'member-01-home');

  await page.getByRole('button', { name: /我要咨询/ }).click();
  await page.getByRole('button', { name: '提交咨询' }).click();
  await expect(page.getByText('请选择问题类型')).toBeVisible();
  await expect(page.getByText('请把问题说清楚，至少 10 个字')).toBeVisible();
  await page.getByText('劳动报酬', { exact: true }).click();
  const question = '我在工地干了四个月，老板只发了一个月的工资，剩下的一万二一直拖着不给，我该去哪里投诉？';
  await page.getByPlaceholder(/请说明事情经过/).fill(question);
  await page.getByText('同意在隐去个人信息后整理为常见问题').click();
  await shot(page, 'member-02-ask');
  await page.getByRole('button', { name: '提交咨询' }).click();

  await expect(page).toHaveURL(/\/m\/legal\/consultations\/\d+$/);
  await expect(page.getByTestId('consultation-state')).toHaveText('待认领');
  const lawyerText = await page.getByText(/解答律师：/).textContent();
  const lawyerName = lawyerText!.replace(/.*解答律师：/, '').trim();
  const username = LAWYERS[lawyerName];
  expect(username, `the lawyer on duty now: ${lawyerName}`).toBeTruthy();
  await shot(page, 'member-03-asked');

  // The lawyer on duty signs in and lands on the workspace, where the question waits to be picked up.
  const lawyer = await adminPage(browser, username!);
  await expect(lawyer).toHaveURL(/\/admin\/legal\/workspace/);
  await expect(lawyer.getByRole('menuitem', { name: '会员管理' })).toHaveCount(0);
  await lawyer
    .getByRole('link', { name: question.slice(0, 20), exact: false })
    .first()
    .click();
  await expect(lawyer.getByTestId('consultation-state')).toHaveText('待认领');
  await lawyer.getByRole('button', { name: /认\s*领/ }).click();
  await expect(lawyer.getByTestId('consultation-state')).toHaveText('解答中');
  await lawyer
    .getByLabel('答复')
    .fill(
      '您好。包工头拖欠工资的，可以向项目所在地人社局劳动保障监察大队投诉，也可以拨打 12333；施工总承包单位对农民工工资负有先行清偿责任。请保留考勤、工友证言和聊天记录。',
    );
  await lawyer.getByRole('button', { name: '发送答复' }).click();
  await expect(lawyer.getByTestId('consultation-state')).toHaveText('已答复');
  await expect(lawyer.getByTestId('thread')).toContainText('先行清偿责任');
  await lawyer.screenshot({ path: join(SCREENSHOT_DIR, 'legal-lawyer-01-answered.png'), fullPage: true });
  await lawyer.context().close();

  // The worker reads the answer and rates it.
  await page.reload();
  await expect(page.getByTestId('consultation-state')).toHaveText('已答复');
  await expect(page.getByTestId('thread')).toContainText('先行清偿责任');
  await page.getByRole('button', { name: '5 星' }).click();
  await page.getByPlaceholder('说说您的感受（选填）').fill('回复很快，讲得很明白');
  await page.getByRole('button', { name: '提交评价' }).click();
  await expect(page.getByText('您的评价：5 星')).toBeVisible();
  await shot(page, 'member-04-rated');

  // The FAQ answers others' questions; the directory shows lawyers without their phones.
  await page.goto('/m/legal/faq');
  await page.getByPlaceholder('搜索问题，如：加班费、工伤').fill('加班费');
  await expect(page.getByText('加班费怎么算？周末加班公司只给调休可以吗？')).toBeVisible();
  await page.getByText('加班费怎么算？周末加班公司只给调休可以吗？').click();
  await expect(page.getByText(/不能以调休代替/)).toBeVisible();
  await page.waitForTimeout(500); // the panel finishes opening
  await shot(page, 'member-05-faq');
  await page.goto('/m/legal/lawyers');
  await expect(page.getByText('王志远')).toBeVisible();
  await expect(page.getByText('郑州大学法学院法律援助中心')).toBeVisible();
  await expect(page.locator('body')).not.toContainText('1360371');
  await shot(page, 'member-06-lawyers');
});
