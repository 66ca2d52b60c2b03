import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { runServerJob, setServerClock } from '../support/clock.js';
import { lastSmsCode, smsTo } from '../support/demo.js';
import { adminPage, idNumber, registerMember, staffApi } from '../support/flows.js';
import { SCREENSHOT_DIR } from '../support/paths.js';

test.beforeAll(() => mkdirSync(SCREENSHOT_DIR, { recursive: true }));

const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(SCREENSHOT_DIR, `legal-night-${name}.png`), fullPage: true });

const LAWYERS: Record<string, string> = { 王志远: 'zz_lawyer1', 李雪芳: 'zz_lawyer2', 张宏伟: 'zz_lawyer3' };
const HOUR = 3_600_000;

/** Today's China date at the given hour and minute, as an instant. */
function chinaToday(hour: number, minute = 0): Date {
  const day = new Date(Date.now() + 8 * HOUR).toISOString().slice(0, 10);
  return new Date(`${day}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+08:00`);
}

test('at 3 a.m. the lawyer on duty answers a worker; a question nobody picks up moves to the next lawyer on duty', async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(240_000);
  try {
    const night = await setServerClock(request, chinaToday(3));
    const phone = '13700370031';
    const staff = await staffApi(request, 'zhongyuan_jianshe');
    await registerMember(request, staff, { name: '田志强', idNumber: idNumber('41010519900214005'), phone });

    // Who is on duty at 3 a.m., from 郑州市总工会's roster.
    // Signed in at each look, since the clock moves hours between them.
    const onDutyAt = async (at: Date) => {
      const city = await staffApi(request, 'zhengzhou_admin');
      const res = await request.get(`/api/v1/legal/duty?orgId=${city.orgId}`, { headers: city.headers });
      expect(res.status(), await res.text()).toBe(200);
      const slots = (await res.json()).slots as {
        provider: { name: string; kind: string };
        startsAt: string;
        endsAt: string;
        fields: string[];
      }[];
      return slots.find(
        (s) =>
          s.provider.kind === 'lawyer' &&
          s.fields.length === 0 &&
          Date.parse(s.startsAt) <= at.getTime() &&
          at.getTime() < Date.parse(s.endsAt),
      )?.provider.name;
    };
    const nightLawyer = await onDutyAt(night);
    expect(nightLawyer, 'a lawyer on the night shift').toBeTruthy();

    // The worker asks on the phone at 3 a.m.
    const sent = smsTo(phone).length;
    await page.goto('/m/login');
    await page.getByPlaceholder('请输入 11 位手机号').fill(phone);
    await page.getByText('获取验证码').click();
    await expect.poll(() => smsTo(phone).length).toBeGreaterThan(sent);
    await page.getByPlaceholder('请输入验证码').fill(lastSmsCode(phone)!);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await expect(page).not.toHaveURL(/\/m\/login/);
    const ask = async (text: string) => {
      await page.goto('/m/legal/ask');
      await page.getByText('劳动报酬', { exact: true }).click();
      await page.getByPlaceholder(/请说明事情经过/).fill(text);
      await page.getByRole('button', { name: '提交咨询' }).click();
      await expect(page).toHaveURL(/\/m\/legal\/consultations\/\d+$/);
    };
    const first = '夜班下班前车间主任说这个月的夜班补贴不发了，合同里写着每晚 30 元，这样合法吗？';
    await ask(first);
    await expect(page.getByText(`解答律师：${nightLawyer}`)).toBeVisible();
    await shot(page, 'member-01-asked');

    // The lawyer on duty signs in to the workspace and answers.
    const lawyer = await adminPage(browser, LAWYERS[nightLawyer!]!);
    await lawyer.goto('/admin/legal/workspace');
    await lawyer
      .getByRole('link', { name: first.slice(0, 20), exact: false })
      .first()
      .click();
    await lawyer.getByRole('button', { name: /认\s*领/ }).click();
    await lawyer
      .getByLabel('答复')
      .fill(
        '合同约定的夜班补贴属于劳动报酬，公司不能单方面取消。请保留劳动合同和排班记录，可先与公司协商，协商不成可向劳动监察投诉。',
      );
    await lawyer.getByRole('button', { name: '发送答复' }).click();
    await expect(lawyer.getByTestId('consultation-state')).toHaveText('已答复');
    await lawyer.screenshot({
      path: join(SCREENSHOT_DIR, 'legal-night-lawyer-01-answered.png'),
      fullPage: true,
    });
    await lawyer.context().close();
    await page.reload();
    await expect(page.getByTestId('thread')).toContainText('不能单方面取消');
    await shot(page, 'member-02-answered');

    // At 07:50 a question goes to the night lawyer, who does not pick it up; past the pick-up time,
    // after the shift changes at 08:00, the timeout job moves it to the lawyer on duty then.
    const late = await setServerClock(request, chinaToday(7, 50));
    const lateLawyer = await onDutyAt(late);
    const second = '公司要求我们每天提前半小时到岗开早会，这半小时算不算加班？能不能要加班费？';
    await ask(second);
    await expect(page.getByText(`解答律师：${lateLawyer}`)).toBeVisible();
    const moved = await setServerClock(request, chinaToday(8, 30));
    const nextLawyer = await onDutyAt(moved);
    expect(nextLawyer).not.toBe(lateLawyer);
    expect(await runServerJob(request, 'consultation-timeouts')).toBeGreaterThan(0);
    await page.reload();
    await expect(page.getByText(`解答律师：${nextLawyer}`)).toBeVisible();
    await shot(page, 'member-03-moved');

    const next = await adminPage(browser, LAWYERS[nextLawyer!]!);
    await next.goto('/admin/legal/workspace');
    await expect(next.getByRole('link', { name: second.slice(0, 20), exact: false }).first()).toBeVisible();
    await next.screenshot({ path: join(SCREENSHOT_DIR, 'legal-night-lawyer-02-next.png'), fullPage: true });
    await next.context().close();
    const previous = await adminPage(browser, LAWYERS[lateLawyer!]!);
    await previous.goto('/admin/legal/workspace');
    await expect(previous.getByRole('heading', { level: 4 })).toBeVisible();
    await expect(previous.getByRole('link', { name: second.slice(0, 20), exact: false })).toHaveCount(0);
    await previous.context().close();
  } finally {
    await setServerClock(request, null);
  }
});
