import { expect, test } from '@playwright/test';
import { seriousViolations } from '../pages/axe';
import { Editor } from '../pages/editor';

// axe-core is injected as an inline script, which the server's CSP (script-src 'self') rightly
// blocks: only this spec's pages bypass it, so every other journey still runs under the CSP.
test.use({ bypassCSP: true });

test('the editor has no serious or critical accessibility violations', async ({ page }) => {
  const editor = new Editor(page);
  await editor.open();
  expect(await seriousViolations(page)).toEqual([]);

  await editor.palette.getByRole('button', { name: 'Insert Queue-based processing with DLQ' }).click();
  await expect(editor.node('Orders queue')).toBeVisible();
  await editor.canvas.click({ position: { x: 8, y: 8 } });
  await editor.node('Orders queue').click();
  await expect(editor.inspector.getByRole('heading', { name: 'Orders queue' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('the dark theme and the dialogs have no serious or critical violations either', async ({ page }) => {
  const editor = new Editor(page);
  await editor.open();
  await page.getByRole('button', { name: 'Switch to dark theme' }).click();
  await editor.palette.getByRole('button', { name: 'Insert Three-tier web app' }).click();
  expect(await seriousViolations(page)).toEqual([]);
  await editor.toolbarButton('Export').click();
  await expect(page.getByRole('dialog', { name: 'Export' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
