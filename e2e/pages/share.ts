import { type Browser, expect, type Locator, type Page } from '@playwright/test';
import { Editor } from './editor';

/** Opens `url` in a fresh browser context: nothing remembered from any other person. */
export async function openFresh(browser: Browser, url: string): Promise<Editor> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  const editor = new Editor(page);
  await expect(editor.canvas).toBeVisible();
  return editor;
}

/** The save status once version `v` is saved to the share link. */
export function savedToLink(page: Page, v: number): Locator {
  return page.getByRole('status').filter({ hasText: `Saved to link · v${v}` });
}
