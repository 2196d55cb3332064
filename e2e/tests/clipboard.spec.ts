import { expect, test } from '@playwright/test';
import { Editor } from '../pages/editor';

test('copy, paste and duplicate nodes with the keyboard, each one undo step', async ({ page }) => {
  const editor = new Editor(page);
  await editor.open();
  await editor.addWithKeyboard('Queue');
  await editor.addWithKeyboard('Function');
  await editor.connect('Queue', 'Function');
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);

  // Select both nodes (shift-click), copy, paste: two more nodes and the edge between them.
  await editor.node('Queue').click();
  await editor.node('Function').click({ modifiers: ['Shift'] });
  await page.keyboard.press('Control+c');
  await page.keyboard.press('Control+v');
  await expect(page.locator('.react-flow__node')).toHaveCount(4);
  await expect(page.locator('.react-flow__edge')).toHaveCount(2);

  await page.keyboard.press('Control+z');
  await expect(page.locator('.react-flow__node')).toHaveCount(2);

  // Undo gave back the selection from before the paste; start afresh with one node.
  await page.keyboard.press('Escape');
  await editor.node('Queue').click();
  await page.keyboard.press('Control+d');
  await expect(page.locator('.react-flow__node')).toHaveCount(3);
  await page.keyboard.press('Delete');
  await expect(page.locator('.react-flow__node')).toHaveCount(2);
});
