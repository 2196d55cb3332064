import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { Editor } from '../pages/editor';

/** The ids the spotlight style sheet marks, read from the page. */
async function spotlit(editor: Editor): Promise<string[]> {
  const css = (await editor.page.getByTestId('spotlight').textContent()) ?? '';
  return [...css.matchAll(/react-flow__node\[data-id="([^"]+)"\] > div/g)].map((m) => m[1] ?? '');
}

test('Review presents saved views as slides, stepped with the arrow keys', async ({ page }, info) => {
  const editor = new Editor(page);
  await editor.open();
  await editor.palette.getByRole('button', { name: 'Insert Multi-region active-active' }).click();
  await expect(editor.node('Global users')).toBeVisible();
  await editor.settle();

  // View 1: the whole design, nothing highlighted. View 2: the users node, highlighted.
  await editor.canvas.click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+Alt+V');
  await expect(page.getByText('Saved “View 1” for Review.')).toBeVisible();
  await editor.node('Global users').click();
  await page.keyboard.press('Control+Alt+V');
  await expect(page.getByText('Saved “View 2” for Review.')).toBeVisible();
  const usersId = await editor.node('Global users').getAttribute('data-id');

  await editor.toolbarButton('Review').click();
  // No editing chrome: the palette, inspector and toolbar are gone; score and cost are shown.
  await expect(editor.palette).toHaveCount(0);
  await expect(editor.inspector).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Undo', exact: true })).toHaveCount(0);
  await expect(page.getByRole('banner')).toContainText(/Score \d+/);
  await expect(page.getByRole('banner')).toContainText(/\$[\d,]+\.\d\d \/ month/);
  const stepper = page.getByRole('navigation', { name: 'Saved views' });
  await expect(stepper).toContainText('2 views');

  await page.keyboard.press('ArrowRight');
  await expect(stepper).toContainText('1 / 2 · View 1');
  await expect(page.getByTestId('spotlight')).toHaveCount(0);
  await page.keyboard.press('ArrowRight');
  await expect(stepper).toContainText('2 / 2 · View 2');
  await expect.poll(() => spotlit(editor)).toEqual([usersId]);
  await editor.shot(info.outputPath('review-view-2.png'));
  // Editing keys do nothing in Review.
  await page.keyboard.press('Delete');
  await expect(editor.node('Global users')).toBeVisible();
  await page.keyboard.press('ArrowLeft');
  await expect(stepper).toContainText('1 / 2 · View 1');

  await page.keyboard.press('Escape');
  await expect(editor.palette).toBeVisible();
  await expect(page.getByTestId('spotlight')).toHaveCount(0);
  // The views are part of the design: undo takes the second one away.
  await editor.toolbarButton('Undo').click();
  await editor.toolbarButton('Review').click();
  await expect(stepper).toContainText('1 view');
  await page.keyboard.press('Escape');
});

test('Review walks a request hop by hop, and shows what losing a region does', async ({ page }, info) => {
  const editor = new Editor(page);
  await editor.open();
  await editor.palette.getByRole('button', { name: 'Insert Multi-region active-active' }).click();
  await expect(editor.node('Global users')).toBeVisible();
  await editor.settle();
  await editor.toolbarButton('Review').click();
  const panel = page.getByRole('complementary', { name: 'Review panel' });

  await panel.getByRole('tab', { name: 'Walkthrough' }).click();
  await expect(panel.getByLabel('Start from')).toHaveValue(/.+/);
  const hops = panel.getByRole('list', { name: 'Hops' }).getByRole('listitem');
  expect(await hops.count()).toBeGreaterThan(3);
  await expect(panel).toContainText('Hop 1 of');
  await panel.getByRole('button', { name: 'Next hop' }).click();
  await expect(panel).toContainText('Hop 2 of');
  // The hop is described, and the canvas marks the walk so far with the current hop apart.
  await expect(
    panel.getByRole('listitem').filter({ has: page.locator('[aria-current="step"]') }),
  ).toContainText(/Global users/);
  await expect
    .poll(async () => (await page.getByTestId('spotlight').textContent()) ?? '')
    .toContain('--sd-mark-current');
  await panel.getByRole('button', { name: 'Next hop' }).click();
  await expect(panel).toContainText('Hop 3 of');
  await editor.shot(info.outputPath('walkthrough.png'));

  await panel.getByRole('tab', { name: 'What if' }).click();
  await panel.getByRole('checkbox', { name: /Fail .*us-east-1/ }).check();
  const result = panel.getByRole('region', { name: 'Failure analysis' });
  // Active-active: losing one region leaves every client path working through the other.
  await expect(result).toContainText('0 broken');
  await expect(result.getByRole('list', { name: 'Client paths' })).toContainText('working');
  const css = (await page.getByTestId('spotlight').textContent()) ?? '';
  expect(css).toContain('--sd-mark-failed');
  expect(css).toContain('--sd-mark-ok');
  await editor.shot(info.outputPath('what-if-region.png'));

  // Losing both regions breaks them.
  await panel.getByRole('checkbox', { name: /Fail .*eu-west-1/ }).check();
  await expect(result).not.toContainText(' 0 broken');
  await expect(result.getByRole('list', { name: 'Client paths' })).toContainText('broken');
  expect((await page.getByTestId('spotlight').textContent()) ?? '').toContain('--sd-mark-broken');

  // The review goes into the meeting notes as Markdown, and onto paper (or PDF) from print.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Review .md' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('untitled-design.review.md');
  const markdown = await readFile((await download.path()) ?? '', 'utf8');
  expect(markdown).toMatch(/^# /);
  expect(markdown).toMatch(/\$[\d,]+\.\d\d/);
  await expect(page.locator('.sd-print')).toBeHidden();
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.sd-print')).toBeVisible();
  await expect(page.locator('.sd-print')).toContainText(/Review score: \d+ \/ 100/);
  await expect(page.locator('.sd-print')).toContainText(/Estimated cost: \$[\d,]+\.\d\d \/ month/);
  await editor.shot(info.outputPath('review-print.png'));
  await page.emulateMedia({ media: 'screen' });
});
