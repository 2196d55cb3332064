import { readFile, writeFile } from 'node:fs/promises';
import { expect, type Page, test } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { Editor } from '../pages/editor';

async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const wait = page.waitForEvent('download');
  await click();
  const d = await wait;
  const path = await d.path();
  return { name: d.suggestedFilename(), bytes: await readFile(path) };
}

test('export Terraform: preview, zip download and a PNG of the canvas', async ({ page }, info) => {
  const editor = new Editor(page);
  await editor.open();
  await editor.addWithKeyboard('Queue');
  await expect(editor.node('Queue')).toBeVisible();

  await editor.toolbarButton('Export').click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await expect(dialog.getByRole('radio', { name: /Terraform/ })).toBeChecked();
  const files = dialog.getByRole('list', { name: 'Files' });
  await files.getByRole('button', { name: 'messaging.tf' }).click();
  const preview = dialog.getByTestId('export-preview').locator('.view-lines');
  await expect(preview).toContainText('resource "aws_sqs_queue"');
  // Syntax highlighted: the HCL keyword and the string are drawn in different colours (once
  // Monaco has tokenized the text, which may come a moment after it shows).
  await expect
    .poll(() =>
      preview
        .locator('.view-line span span')
        .evaluateAll((spans) => new Set(spans.map((s) => getComputedStyle(s).color)).size),
    )
    .toBeGreaterThan(1);
  await editor.shot(info.outputPath('1-terraform-preview.png'));

  const zip = await downloaded(page, () => dialog.getByRole('button', { name: 'Download .zip' }).click());
  expect(zip.name).toMatch(/-terraform\.zip$/);
  const entries = unzipSync(new Uint8Array(zip.bytes));
  expect(Object.keys(entries)).toEqual(expect.arrayContaining(['versions.tf', 'messaging.tf', 'README.md']));
  expect(strFromU8(entries['messaging.tf'] as Uint8Array)).toContain('resource "aws_sqs_queue"');

  // Every format of the registry runs in the browser and shows its files (or says, for this
  // queue-only design, that it has nothing of that kind), never an error.
  const radios = dialog.getByRole('radio');
  expect(await radios.count()).toBeGreaterThanOrEqual(9);
  for (const radio of await radios.all()) {
    await radio.check();
    await expect(
      files
        .getByRole('button')
        .first()
        .or(dialog.getByText(/produced no .* files/)),
    ).toBeVisible();
    await expect(dialog.getByText(/export failed/)).toHaveCount(0);
  }
  await dialog.getByRole('radio', { name: /Mermaid/ }).check();
  await expect(preview).toContainText('flowchart');

  const png = await downloaded(page, () => dialog.getByRole('button', { name: 'Download PNG' }).click());
  expect(png.name).toMatch(/\.png$/);
  await writeFile(info.outputPath('2-design.png'), png.bytes);
  expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const width = png.bytes.readUInt32BE(16);
  const height = png.bytes.readUInt32BE(20);
  expect(width).toBeGreaterThan(100);
  expect(height).toBeGreaterThan(50);
  expect(png.bytes.length).toBeGreaterThan(1000);
  expect(png.bytes.length).toBeLessThan(5_000_000);
});
