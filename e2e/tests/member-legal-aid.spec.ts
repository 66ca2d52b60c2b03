import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { lastSmsCode, smsTo } from '../support/demo.js';
import { adminPage, idNumber, registerMember, staffApi } from '../support/flows.js';
import { SCREENSHOT_DIR } from '../support/paths.js';

test.beforeAll(() => mkdirSync(SCREENSHOT_DIR, { recursive: true }));

const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(SCREENSHOT_DIR, `legal-aid-${name}.png`), fullPage: true });

/** The demo's lawyers of 郑州市总工会 and their workspace sign-ins. */
const LAWYERS: Record<string, string> = { 王志远: 'zz_lawyer1', 李雪芳: 'zz_lawyer2', 张宏伟: 'zz_lawyer3' };

test('an answered consultation becomes a legal-aid request; the county assigns the lawyer, who settles it by mediation; the worker sees the outcome', async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(180_000);
  const phone = '13700370021';
  const staff = await staffApi(request, 'zhongyuan_jianshe');
  await registerMember(request, staff, { name: '马桂兰', idNumber: idNumber('41010519850312004'), phone });

  // The worker asks on the phone; the lawyer on duty answers (the consultation journeys show that screen).
  const sent = smsTo(phone).length;
  await page.goto('/m/login');
  await page.getByPlaceholder('请输入 11 位手机号').fill(phone);
  await page.getByText('获取验证码').click();
  await expect.poll(() => smsTo(phone).length).toBeGreaterThan(sent);
  await page.getByPlaceholder('请输入验证码').fill(lastSmsCode(phone)!);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page).not.toHaveURL(/\/m\/login/);
  await page.goto('/m/legal/ask');
  await page.getByText('劳动报酬', { exact: true }).click();
  const question =
    '公司连续三个月没发工资，一共拖欠我一万五千多元，找老板也不理，我能请工会的律师帮我打官司吗？';
  await page.getByPlaceholder(/请说明事情经过/).fill(question);
  await page.getByRole('button', { name: '提交咨询' }).click();
  await expect(page).toHaveURL(/\/m\/legal\/consultations\/\d+$/);
  const consultationId = Number(page.url().split('/').pop());
  const lawyerText = await page.getByText(/解答律师：/).textContent();
  const lawyerName = lawyerText!.replace(/.*解答律师：/, '').trim();
  const username = LAWYERS[lawyerName];
  expect(username, `the lawyer on duty: ${lawyerName}`).toBeTruthy();
  const lawyerApi = await staffApi(request, username!);
  const answered = await request.post(`/api/v1/legal/workspace/consultations/${consultationId}/answer`, {
    headers: lawyerApi.headers,
    data: {
      text: '可以申请工会法律援助，由律师代理您与公司调解，调解不成再申请劳动仲裁。请准备好劳动合同和工资流水。',
    },
  });
  expect(answered.status(), await answered.text()).toBe(200);

  // One tap turns the answered consultation into a legal-aid application, pre-filled.
  await page.reload();
  await expect(page.getByTestId('consultation-state')).toHaveText('已答复');
  await page.getByTestId('apply-legal-aid').click();
  await expect(page).toHaveURL(/\/legal-aid$/);
  await expect(page.locator('#field-story')).toHaveValue(question);
  await page.locator('#field-employer').fill('郑州恒达物流有限公司');
  await page.locator('#field-amount').fill('15600');
  await page.locator('[data-field="arbitrated"]').getByText('否', { exact: true }).click();
  await page.locator('[data-field="lowIncome"]').getByText('是', { exact: true }).click();
  await shot(page, 'member-01-form');
  await page.getByRole('button', { name: '提交申请' }).click();
  await expect(page).toHaveURL(/\/m\/requests\/\d+$/);
  const requestId = Number(page.url().split('/').pop());
  await expect(page.getByTestId('request-state')).toHaveText('待受理');
  await expect(page.getByTestId('legal-aid-consultation')).toContainText('可以申请工会法律援助');
  await shot(page, 'member-02-submitted');

  // 金水区总工会 accepts it and gives it to the lawyer who answered (suggested first).
  const county = await adminPage(browser, 'jinshui_staff');
  await county.goto(`/admin/requests/${requestId}`);
  await county
    .locator('.uh-block-card')
    .getByRole('button', { name: /^受\s*理$/ })
    .click();
  const dialog = county.getByRole('dialog');
  await dialog.getByRole('button', { name: /^受\s*理$/ }).click();
  await expect(dialog).toBeHidden();
  await expect(county.getByTestId('request-state')).toHaveText('已受理');
  const panel = county.getByTestId('legal-aid-panel');
  await panel.getByTestId('lawyer-select').click();
  await county.getByText(/答复过该咨询/).click();
  await panel.getByRole('button', { name: /指派律师/ }).click();
  await expect(panel).toContainText(lawyerName);
  await expect(panel).toContainText('律师已接案');
  await county.screenshot({ path: join(SCREENSHOT_DIR, 'legal-aid-admin-01-assigned.png'), fullPage: true });

  // The lawyer records the mediation and the outcome in the workspace.
  const lawyer = await adminPage(browser, username!);
  await lawyer.goto('/admin/legal/workspace/aid');
  await expect(lawyer.getByRole('heading', { name: /援助案件/ })).toBeVisible();
  await lawyer.getByRole('link', { name: /马/ }).first().click();
  await expect(lawyer).toHaveURL(new RegExp(`/admin/legal/workspace/aid/${requestId}$`));
  await lawyer.getByTestId('step-date').click();
  await lawyer.locator('.ant-picker-dropdown').getByText('今天', { exact: true }).click();
  await lawyer.getByTestId('step-note').fill('在金水区劳动争议调解中心组织双方调解，公司承认拖欠工资。');
  await lawyer.getByTestId('step-result').fill('双方达成调解协议，公司三日内支付 1.5 万元。');
  await lawyer.getByTestId('save-step').click();
  await expect(lawyer.getByTestId('case-step')).toContainText('调解');
  await lawyer.getByTestId('outcome-select').click();
  await lawyer.getByText('调解和解', { exact: true }).last().click();
  await lawyer.getByTestId('amount-claimed').fill('15600');
  await lawyer.getByTestId('amount-recovered').fill('15000');
  await lawyer.getByTestId('save-outcome').click();
  await expect(lawyer.getByTestId('case-outcome')).toHaveText('调解和解');
  await lawyer.screenshot({ path: join(SCREENSHOT_DIR, 'legal-aid-lawyer-01-outcome.png'), fullPage: true });
  await lawyer.context().close();

  // The county completes the request.
  await county.reload();
  await expect(county.getByTestId('case-outcome')).toHaveText('调解和解');
  await county
    .locator('.uh-block-card')
    .getByRole('button', { name: /^办\s*结$/ })
    .click();
  await dialog.getByRole('textbox').fill('经律师调解，公司已支付拖欠工资 1.5 万元，案件办结。');
  await dialog.getByRole('button', { name: /^办\s*结$/ }).click();
  await expect(county.getByTestId('request-state')).toHaveText('已办结');
  await county.screenshot({ path: join(SCREENSHOT_DIR, 'legal-aid-admin-02-completed.png'), fullPage: true });
  await county.context().close();

  // The worker sees 已办结 with the outcome.
  await page.reload();
  await expect(page.getByTestId('request-state')).toHaveText('已办结');
  await expect(page.getByTestId('legal-aid-outcome')).toHaveText('调解和解');
  await expect(page.getByTestId('legal-aid-case')).toContainText('15,000');
  await shot(page, 'member-03-completed');
});
