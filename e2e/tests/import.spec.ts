import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { Editor } from '../pages/editor';

const FIXTURE = resolve(
  import.meta.dirname,
  '../../packages/exporters/test-fixtures/terraform-import/queue-pipeline.tf',
);

test('Import Terraform turns a hand-written module into a design, reports the rest, and undoes', async ({
  page,
}, info) => {
  const editor = new Editor(page);
  await editor.open();
  await editor.addWithKeyboard('Queue');
  await expect(page.locator('.react-flow__node')).toHaveCount(1);

  // The HCL parser is WebAssembly, compiled under the app's real Content-Security-Policy.
  await editor.toolbarButton('Command palette').click();
  await page.keyboard.type('Import Terraform');
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Enter');
  await (await chooser).setFiles(FIXTURE);

  const report = page.getByRole('dialog', { name: 'Terraform imported' });
  await expect(report).toBeVisible({ timeout: 30_000 });
  await expect(report.getByRole('region', { name: /Supporting resources/ })).toBeVisible();
  await editor.shot(info.outputPath('import-report.png'));
  await report
    .getByRole('button', { name: /close|done|ok/i })
    .first()
    .click();

  await expect(editor.node('Orders queue')).toBeVisible();
  const kinds = await page.locator('.react-flow__node').count();
  expect(kinds).toBeGreaterThanOrEqual(4);
  await editor.shot(info.outputPath('imported.png'));

  // One undo step brings the previous design back.
  await editor.toolbarButton('Undo').click();
  await expect(page.locator('.react-flow__node')).toHaveCount(1);
  await expect(editor.node('Orders queue')).toHaveCount(0);
});
