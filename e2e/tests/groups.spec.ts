import { expect, test } from '@playwright/test';
import { Editor } from '../pages/editor';

test('a node dropped onto a group goes inside it, and moves with the group', async ({ page }, info) => {
  const editor = new Editor(page);
  await editor.open();
  await editor.dragOntoCanvas('Region', 320, 240);
  await expect(editor.node('Region')).toBeVisible();
  await editor.dragOntoCanvas('Function', 320, 260);
  await expect(editor.node('Function')).toBeVisible();
  // The inspector of the new (selected) function says where it is.
  await expect(editor.inspector.getByText('Inside')).toBeVisible();
  await expect(editor.inspector.locator('dd').nth(1)).toHaveText('Region');
  // A DNS zone is global: the region may not contain it, so it stays on the canvas.
  await editor.dragOntoCanvas('DNS', 240, 300);
  await expect(editor.node('DNS')).toBeVisible();
  await expect(editor.inspector.locator('dd').nth(1)).toHaveText('the canvas');
  await editor.shot(info.outputPath('1-in-group.png'));

  // Drag the region by its title bar: the function travels with it (one undo step).
  const region = editor.node('Region');
  const before = await editor.node('Function').boundingBox();
  const box = await region.boundingBox();
  if (!before || !box) throw new Error('no boxes');
  await page.mouse.move(box.x + box.width - 40, box.y + 16);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width + 20, box.y + 80, { steps: 8 });
  await page.mouse.up();
  const after = await editor.node('Function').boundingBox();
  expect(after && Math.round(after.x - before.x)).toBeGreaterThan(30);
  expect(after && Math.round(after.y - before.y)).toBeGreaterThan(30);
  await page.keyboard.press('Control+z');
  await expect
    .poll(async () => Math.round((await editor.node('Function').boundingBox())?.x ?? 0))
    .toBe(Math.round(before.x));
});

test('a design file dropped on the canvas opens', async ({ page }) => {
  const editor = new Editor(page);
  await editor.open();
  const text =
    'stackdraft: 1\nname: Dropped\nnodes:\n  - { id: c, kind: cache, label: Session cache, position: { x: 0, y: 0 } }\n';
  await page.locator('.react-flow').evaluate((el, content) => {
    const dt = new DataTransfer();
    dt.items.add(new File([content], 'dropped.stackdraft.yaml', { type: 'application/yaml' }));
    const r = el.getBoundingClientRect();
    const at = { bubbles: true, cancelable: true, dataTransfer: dt, clientX: r.x + 200, clientY: r.y + 200 };
    el.dispatchEvent(new DragEvent('dragover', at));
    el.dispatchEvent(new DragEvent('drop', at));
  }, text);
  await expect(editor.node('Session cache')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Design name' })).toHaveValue('Dropped');
});
