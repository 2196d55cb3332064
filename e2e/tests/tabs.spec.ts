import { expect, test } from '@playwright/test';
import { Editor } from '../pages/editor';

test('two tabs on one design do not silently revert each other', async ({ context }, info) => {
  const a = new Editor(await context.newPage());
  await a.open();
  const b = new Editor(await context.newPage());
  await b.open();

  await a.addWithKeyboard('Queue');
  await expect(a.page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();

  // B hears of A's save and says so; its own change does not overwrite A's.
  await expect(b.page.getByText('This design was changed in another tab.')).toBeVisible();
  await b.addWithKeyboard('Cache');
  await b.page.waitForTimeout(800);
  await b.shot(info.outputPath('1-stale-tab.png'));

  const c = new Editor(await context.newPage());
  await c.open();
  await expect(c.node('Queue')).toBeVisible();
  await expect(c.node('Cache')).toHaveCount(0);

  // B takes the latest version: A's queue is there, B's cache is not (and Undo would bring it back).
  await b.page.getByRole('button', { name: 'Load the latest version' }).click();
  await expect(b.node('Queue')).toBeVisible();
  await expect(b.node('Cache')).toHaveCount(0);
});
