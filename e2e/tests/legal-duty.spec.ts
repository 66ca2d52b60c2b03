import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { signInAdmin } from '../support/flows.js';
import { SCREENSHOT_DIR } from '../support/paths.js';
import { chooseOption } from '../support/select.js';

test.beforeAll(() => mkdirSync(SCREENSHOT_DIR, { recursive: true }));

/** The three city lawyers of the demo, in the order of the shifts: night, day, evening. */
const SHIFTS = [
  { lawyer: '张宏伟', from: 0, to: 7 },
  { lawyer: '王志远', from: 8, to: 15 },
  { lawyer: '李雪芳', from: 16, to: 23 },
];

/** Drags down a day column from one hour to another, as a scheduler does, and names who is on duty. */
async function dragShift(page: Page, day: number, from: number, to: number, lawyer: string) {
  const start = page.getByTestId(`cell-${day}-${from}`);
  const end = page.getByTestId(`cell-${day}-${to}`);
  await end.scrollIntoViewIfNeeded();
  await start.scrollIntoViewIfNeeded();
  const a = (await start.boundingBox())!;
  const b = (await end.boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width / 2, (a.y + b.y) / 2, { steps: 4 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 4 });
  await page.mouse.up();
  const dialog = page.getByRole('dialog', { name: '安排值班' });
  await expect(dialog).toBeVisible();
  await chooseOption(
    page,
    dialog.getByLabel('值班人'),
    dialog.locator('.ant-form-item').filter({ hasText: '值班人' }),
    lawyer,
  );
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await expect(dialog).toBeHidden();
}

test('a district union builds a round-the-clock duty week, closes every gap, swaps two shifts and copies the week', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await signInAdmin(page, 'jinshui_staff');
  await page.getByRole('menuitem', { name: '法律服务' }).click();
  await page.getByRole('menuitem', { name: '值班表' }).click();
  await expect(page).toHaveURL(/\/admin\/legal\/duty/);

  // The roster two weeks ahead is still empty: the whole week is one red gap.
  await page.getByRole('button', { name: /下一周/ }).click();
  await page.getByRole('button', { name: /下一周/ }).click();
  const gaps = page.getByTestId('duty-gaps');
  await expect(gaps).toContainText('本周还有 1 段无人值班');

  // Monday and Tuesday, three shifts each: the gaps that are left show in red and are counted.
  for (const day of [0, 1]) for (const s of SHIFTS) await dragShift(page, day, s.from, s.to, s.lawyer);
  await expect(gaps).toContainText('本周还有 1 段无人值班');
  await expect(page.getByTestId('duty-grid').locator('.uh-duty-slot')).toHaveCount(6);
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'legal-duty-01-partial.png'), fullPage: true });

  // The rest of the week, leaving one evening out: now that evening is the only gap.
  for (const day of [2, 3, 4, 5, 6])
    for (const s of SHIFTS)
      if (!(day === 4 && s.from === 16)) await dragShift(page, day, s.from, s.to, s.lawyer);
  await expect(gaps).toContainText('本周还有 1 段无人值班');
  await expect(gaps).toContainText('16:00–00:00');
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'legal-duty-02-one-gap.png'), fullPage: true });

  // Friday evening filled: the warning is gone.
  await dragShift(page, 4, 16, 23, '李雪芳');
  await expect(page.getByTestId('duty-gaps')).toHaveCount(0);
  await expect(page.getByTestId('duty-full')).toContainText('本周 24 小时全部有人值班');
  await expect(page.getByTestId('duty-grid').locator('.uh-duty-slot')).toHaveCount(21);
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'legal-duty-03-full.png'), fullPage: true });

  // Sunday's day and evening lawyers trade shifts (交换).
  const sunday = page.getByTestId('duty-grid').locator('[data-day="6"] .uh-duty-slot');
  await sunday.filter({ hasText: '王志远' }).click();
  await page
    .getByRole('dialog', { name: '修改值班' })
    .getByRole('button', { name: /交\s*换/ })
    .click();
  await expect(page.getByText(/请再点击另一个值班时段/)).toBeVisible();
  await sunday.filter({ hasText: '李雪芳' }).click();
  await expect(page.getByText('已交换两个时段的值班人')).toBeVisible();
  await expect(sunday.nth(1)).toContainText('李雪芳');
  await expect(sunday.nth(2)).toContainText('王志远');

  // 复制到下周: the following week starts complete.
  await page.getByRole('button', { name: /复制到下周/ }).click();
  await page.getByRole('button', { name: /确\s*定|OK/ }).click();
  await expect(page.getByText('已复制 21 个值班时段到下周')).toBeVisible();
  await page.getByRole('button', { name: /下一周/ }).click();
  await expect(page.getByTestId('duty-full')).toBeVisible();
  await expect(page.getByTestId('duty-grid').locator('.uh-duty-slot')).toHaveCount(21);
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'legal-duty-04-copied.png'), fullPage: true });
});
