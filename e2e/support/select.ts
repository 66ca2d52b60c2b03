import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Picks an option of an antd select. On a busy machine the dropdown may still be opening when the
 * option is clicked, and the click is lost: open and pick again until the choice shows in `shownIn`
 * (the select's form item).
 */
export async function chooseOption(page: Page, select: Locator, shownIn: Locator, option: string) {
  await expect(async () => {
    if (!(await page.locator('.ant-select-dropdown:visible').count())) await select.click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: option })
      .click();
    await expect(shownIn).toContainText(option, { timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
}
