import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { lastSmsCode, smsTo } from '../support/demo.js';
import { adminPage, idNumber, signInAdmin, staffApi } from '../support/flows.js';
import { SCREENSHOT_DIR } from '../support/paths.js';
import { chooseOption } from '../support/select.js';

test.beforeAll(() => mkdirSync(SCREENSHOT_DIR, { recursive: true }));

const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(SCREENSHOT_DIR, `jobs-${name}.png`), fullPage: true });

const TITLE = '数控磨床操作工';

/** The member app on a phone, signed in with the code from the dev SMS outbox. */
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
  await expect(page.getByText('验证码已发送，请注意查收短信')).toBeHidden();
  return page;
}

/**
 * An enterprise's recruiter posts a job and submits it; 郑州市总工会, which owns the enterprise,
 * approves it; a worker finds it on the phone by a Chinese keyword and applies; the recruiter
 * invites the worker to an interview and hires them; the worker sees 已录用.
 */
test('a job goes from the enterprise through review to a hired worker', async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(180_000);
  // The worker: a member of 中原建设集团's union, registered as unemployed (so 就业援助 is open to him).
  const phone = '13837100206';
  const union = await staffApi(request, 'zhongyuan_jianshe');
  const registered = await request.post('/api/v1/members', {
    headers: union.headers,
    data: {
      orgId: union.orgId,
      name: '刘建伟',
      idNumber: idNumber('41010519880312003'),
      phone,
      joinedOn: '2019-06-01',
      categories: ['unemployed'],
    },
  });
  expect(registered.status(), await registered.text()).toBe(201);

  // The recruiter's account starts on 招聘管理.
  await signInAdmin(page, 'zz_recruiter');
  await expect(page).toHaveURL(/\/admin\/my-jobs$/);
  await expect(page.getByText('郑州航空港智能终端制造有限公司 · 招聘管理')).toBeVisible();
  await expect(page.locator('.ant-table-row').filter({ hasText: '手机组装普工' })).toBeVisible();
  await shot(page, '01-recruiter-jobs');

  await page.getByRole('button', { name: '发布新岗位' }).click();
  const modal = page.locator('.ant-modal').filter({ hasText: '发布新岗位' });
  await modal.getByLabel('岗位名称').fill(TITLE);
  await chooseOption(
    page,
    modal.getByLabel('岗位类别'),
    modal.locator('.ant-form-item').filter({ hasText: '岗位类别' }),
    '技术工人',
  );
  await modal.getByLabel('最低月薪').fill('6500');
  await modal.getByLabel('最高月薪').fill('8800');
  await modal.getByLabel('工作地点').click();
  const tree = page.locator('.ant-select-tree');
  await tree
    .locator('.ant-select-tree-treenode')
    .filter({ hasText: '郑州市' })
    .first()
    .locator('.ant-select-tree-switcher')
    .click();
  await tree.getByText('郑州航空港经济综合实验区（410173）').click();
  await modal.getByLabel('招聘人数').fill('3');
  await modal.getByLabel('任职要求').fill('中专以上，一年以上磨床操作经验，能看懂零件图纸');
  await modal.getByLabel('岗位描述').fill('负责轴承零件的数控精磨与首件自检，两班倒，包吃住，缴纳五险一金。');
  await shot(page, '02-new-job');
  await modal.getByRole('button', { name: /保\s*存/ }).click();
  await expect(modal).toBeHidden();
  const row = page.locator('.ant-table-row').filter({ hasText: TITLE });
  await expect(row).toContainText('草稿');
  await row.getByRole('button', { name: '提交审核' }).click();
  await expect(row).toContainText('待审核');
  await shot(page, '03-submitted');

  // 郑州市总工会 reviews it.
  const city = await adminPage(browser, 'zhengzhou_admin');
  await city.getByRole('menuitem', { name: '就业服务' }).click();
  await city.getByRole('menuitem', { name: '岗位审核' }).click();
  await expect(city).toHaveURL(/\/admin\/jobs$/);
  const pending = city.locator('.ant-table-row').filter({ hasText: TITLE });
  await expect(pending).toContainText('郑州航空港智能终端制造有限公司');
  await pending.click();
  const drawer = city.locator('.ant-drawer');
  await expect(drawer).toContainText('6,500–8,800');
  await expect(drawer).toContainText('郑州航空港经济综合实验区');
  await shot(city, '04-review');
  await drawer.getByRole('button', { name: '审核通过' }).click();
  await expect(drawer).toContainText('招聘中');
  await city.context().close();

  // A worker searches on the phone by a Chinese keyword and applies.
  const worker = await memberPhone(browser, phone);
  await worker.getByRole('button', { name: '就业服务' }).click();
  await expect(worker).toHaveURL(/\/m\/jobs/);
  await expect(worker.getByText('就业援助')).toBeVisible();
  await expect(worker.getByText('失业或生活困难？工会帮您推荐岗位、免费培训')).toBeVisible();
  await shot(worker, '05-member-jobs');
  await worker.getByPlaceholder('搜索岗位、企业，如“焊工”“保洁”').fill('磨床');
  await worker.getByPlaceholder('搜索岗位、企业，如“焊工”“保洁”').press('Enter');
  const card = worker.locator('.uhm-job').filter({ hasText: TITLE });
  await expect(card).toBeVisible();
  await expect(worker.locator('.uhm-job')).toHaveCount(1);
  await shot(worker, '06-member-search');
  await card.click();
  await expect(worker.getByRole('heading', { name: TITLE })).toBeVisible();
  await expect(worker.getByText('6,500–8,800 元/月')).toBeVisible();
  await shot(worker, '07-member-job');
  await worker.getByRole('button', { name: '投递简历' }).click();
  await worker.getByPlaceholder('您的真实姓名').fill('刘建伟');
  await worker.getByPlaceholder('如：持电工证、会开叉车').fill('数控磨床、外圆磨、看图纸');
  await worker.getByPlaceholder('在哪里做过什么工作、多长时间').fill('在洛阳轴承厂做磨工三年');
  await worker.getByPlaceholder('5000').fill('8000');
  await shot(worker, '08-member-apply');
  await worker.getByRole('button', { name: '确认投递' }).click();
  await expect(worker.getByRole('button', { name: '已投递 · 已投递' })).toBeVisible();

  // The recruiter sees the applicant (phone masked), invites and hires.
  await page.reload();
  await page.locator('.ant-table-row').filter({ hasText: TITLE }).getByRole('link', { name: TITLE }).click();
  const applicant = page.locator('.ant-table-row').filter({ hasText: '刘建伟' });
  await expect(applicant).toContainText('已投递');
  await expect(applicant).toContainText(`${phone.slice(0, 3)}****${phone.slice(-4)}`);
  await applicant.getByRole('button', { name: '邀请面试' }).click();
  await page
    .locator('.ant-popover')
    .getByRole('button', { name: /确\s*定/ })
    .click();
  await expect(applicant).toContainText('邀请面试');
  await applicant.getByRole('button', { name: /^录\s*用$/ }).click();
  await page
    .locator('.ant-popover')
    .getByRole('button', { name: /确\s*定/ })
    .last()
    .click();
  await expect(applicant).toContainText('已录用');
  await shot(page, '09-recruiter-hired');

  // The worker follows it in 我的求职.
  await worker.goto('/m/job-applications');
  const mine = worker.locator('.adm-list-item').filter({ hasText: TITLE });
  await expect(mine).toContainText('已录用');
  await shot(worker, '10-member-applications');
  await worker.context().close();
});
