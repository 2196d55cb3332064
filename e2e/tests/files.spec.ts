import { expect, test } from '@playwright/test';
import { Editor } from '../pages/editor';

const INVALID = `stackdraft: 1
name: Broken design
nodes:
  - id: api
    kind: api-gatewy
    label: Orders API
  - id: worker
    kind: function
    label: Worker
    config:
      memroyMb: 1024
edges:
  - source: api
    target: nowhere
`;

const VALID_WITHOUT_POSITIONS = `stackdraft: 1
name: Orders from the CLI
nodes:
  - { id: orders-queue, kind: queue, label: Orders queue }
  - { id: orders-dlq, kind: dead-letter-queue, label: Orders DLQ }
  - { id: worker, kind: function, label: Order worker }
edges:
  - { source: orders-queue, target: worker }
  - { source: orders-queue, target: orders-dlq }
`;

test('an invalid file shows every error with its path and line, and the design stays', async ({
  page,
}, info) => {
  const editor = new Editor(page);
  await editor.open();
  await editor.addWithKeyboard('Cache');
  await expect(editor.node('Cache')).toBeVisible();

  const chooser = page.waitForEvent('filechooser');
  await editor.toolbarButton('Open…').click();
  await (await chooser).setFiles({
    name: 'broken.stackdraft.yaml',
    mimeType: 'application/yaml',
    buffer: Buffer.from(INVALID),
  });

  const dialog = page.getByRole('dialog', { name: 'broken.stackdraft.yaml could not be opened' });
  await expect(dialog).toBeVisible();
  await expect(
    dialog.getByText(/broken\.stackdraft\.yaml:5:\d+: nodes\[0\]\.kind: unknown node kind "api-gatewy"/),
  ).toBeVisible();
  await expect(dialog.getByText(/nodes\[1\]\.config\.memroyMb/)).toBeVisible();
  await expect(dialog.getByText('Your current design was not changed.', { exact: false })).toBeVisible();
  await editor.shot(info.outputPath('1-invalid-file.png'));
  await dialog.getByRole('button', { name: 'OK' }).click();

  await expect(editor.node('Cache')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Design name' })).toHaveValue('Untitled design');
});

test('a file without positions opens laid out, and Open can be undone', async ({ page }, info) => {
  const editor = new Editor(page);
  await editor.open();
  await editor.addWithKeyboard('Cache');

  const chooser = page.waitForEvent('filechooser');
  await editor.toolbarButton('Open…').click();
  await (await chooser).setFiles({
    name: 'orders.stackdraft.yaml',
    mimeType: 'application/yaml',
    buffer: Buffer.from(VALID_WITHOUT_POSITIONS),
  });
  await expect(editor.node('Order worker')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Design name' })).toHaveValue('Orders from the CLI');
  const q = await editor.node('Orders queue').boundingBox();
  const w = await editor.node('Order worker').boundingBox();
  expect(q && w && q.x < w.x).toBe(true);
  await editor.shot(info.outputPath('2-opened-and-laid-out.png'));

  await page.keyboard.press('Control+z');
  await expect(editor.node('Cache')).toBeVisible();
});
