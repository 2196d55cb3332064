import { expect, test } from '@playwright/test';
import { Editor } from '../pages/editor';

test('a connection the catalog refuses is not made, and says why where the pointer is', async ({
  page,
}, info) => {
  const editor = new Editor(page);
  await editor.open();
  await editor.dragOntoCanvas('Dead-letter queue', 240, 160);
  await editor.dragOntoCanvas('SQL database', 640, 160);
  await expect(editor.node('SQL database')).toBeVisible();

  await editor.connect('Dead-letter queue', 'SQL database');
  const reason = page.getByRole('alert').filter({ hasText: 'cannot connect' });
  await expect(reason).toBeVisible();
  await editor.shot(info.outputPath('1-refused.png'));
  await expect(page.locator('.react-flow__edge')).toHaveCount(0);
});
