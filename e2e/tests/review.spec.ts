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
