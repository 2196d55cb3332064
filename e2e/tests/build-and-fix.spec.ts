import { expect, test } from '@playwright/test';
import { Editor } from '../pages/editor';

test('a new user builds queue -> function, fixes the missing DLQ, and nothing is lost', async ({
  page,
}, info) => {
  const editor = new Editor(page);
  await editor.open();

  // Drag a queue onto the canvas; add a function with the keyboard (placed in view, selected).
  await editor.dragOntoCanvas('Queue', 260, 200);
  await expect(editor.node('Queue')).toBeVisible();
  await editor.addWithKeyboard('Function');
  await expect(editor.node('Function')).toBeVisible();
  await expect(editor.node('Function')).toHaveClass(/selected/);

  await editor.connect('Queue', 'Function');
  await expect(page.getByRole('group', { name: 'Queue to Function (trigger)' })).toBeVisible();

  // How many messages: the queue's volume, in the inspector.
  await editor.node('Queue').click();
  const volume = editor.inspector.getByLabel(/^Requests per month/);
  await volume.fill('100000000');
  await volume.press('Enter');

  await expect(editor.problems.getByText('queue-without-dlq')).toBeVisible();
  await editor.shot(info.outputPath('1-queue-without-dlq.png'));
  const before = await editor.costTotal();

  await editor.problems.getByRole('button', { name: /Add a dead-letter queue/ }).click();
  await expect(editor.problems.getByText('queue-without-dlq')).toHaveCount(0);
  await expect(editor.node('Queue DLQ')).toBeVisible();
  await expect.poll(() => editor.costTotal()).not.toBe(before);
  const fixed = await editor.costTotal();
  await editor.shot(info.outputPath('2-fixed.png'));

  // Undo restores the finding and the cost; redo brings the fix back.
  await editor.canvas.click({ position: { x: 20, y: 20 } });
  await page.keyboard.press('Control+z');
  await expect(editor.problems.getByText('queue-without-dlq')).toBeVisible();
  await expect(editor.node('Queue DLQ')).toHaveCount(0);
  await expect.poll(() => editor.costTotal()).toBe(before);
  await editor.toolbarButton('Redo').click();
  await expect(editor.problems.getByText('queue-without-dlq')).toHaveCount(0);
  await expect.poll(() => editor.costTotal()).toBe(fixed);

  // Rename by double-click, then by Enter on the focused node.
  await editor.node('Queue').dblclick();
  await editor.node('Queue').getByRole('textbox', { name: 'Name' }).fill('Orders queue');
  await page.keyboard.press('Enter');
  await expect(editor.node('Orders queue')).toBeVisible();
  await editor.node('Function').focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+a');
  await page.keyboard.type('Process order');
  await page.keyboard.press('Enter');
  await expect(editor.node('Process order')).toBeVisible();
  await editor.shot(info.outputPath('3-renamed.png'));

  // Reload: the design is intact.
  await page.waitForTimeout(800);
  await page.reload();
  await expect(editor.node('Orders queue')).toBeVisible();
  await expect(editor.node('Process order')).toBeVisible();
  await expect(editor.node('Queue DLQ')).toBeVisible();
  await expect.poll(() => editor.costTotal()).toBe(fixed);
  await expect(editor.problems.getByText('queue-without-dlq')).toHaveCount(0);
  await editor.shot(info.outputPath('4-after-reload.png'));
});
