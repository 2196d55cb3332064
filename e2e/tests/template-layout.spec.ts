import { expect, test } from '@playwright/test';
import { Editor } from '../pages/editor';

interface Box {
  id: string;
  parent: string | null;
  group: boolean;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Every node's box on screen, with its group. */
async function boxes(editor: Editor): Promise<Box[]> {
  return editor.page.locator('.react-flow__node').evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      const node = el as HTMLElement;
      return {
        id: node.dataset.id ?? '',
        parent: null,
        group: node.classList.contains('sd-group-node'),
        x: r.x,
        y: r.y,
        width: r.width,
        height: r.height,
      };
    }),
  );
}

const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width - 0.5 &&
  b.x < a.x + a.width - 0.5 &&
  a.y < b.y + b.height - 0.5 &&
  b.y < a.y + a.height - 0.5;
const inside = (a: Box, g: Box) =>
  a.x >= g.x - 0.5 &&
  a.y >= g.y - 0.5 &&
  a.x + a.width <= g.x + g.width + 0.5 &&
  a.y + a.height <= g.y + g.height + 0.5;

test('a template inserted and auto-laid-out has no overlapping nodes', async ({ page }, info) => {
  const editor = new Editor(page);
  await editor.open();
  await editor.palette.getByRole('button', { name: 'Insert Multi-region active-active' }).click();
  await expect(editor.node('Global users')).toBeVisible();
  await editor.shot(info.outputPath('1-template-inserted.png'));

  await editor.toolbarButton('Auto layout').click();
  // The layout is one undo step, animated into place.
  await expect
    .poll(() => page.evaluate(() => document.querySelectorAll('.react-flow__node').length))
    .toBeGreaterThan(5);
  await editor.settle();
  await editor.toolbarButton('Undo').waitFor();

  const all = await boxes(editor);
  const plain = all.filter((b) => !b.group);
  const groups = all.filter((b) => b.group);
  const clashes: string[] = [];
  for (let i = 0; i < plain.length; i++)
    for (let j = i + 1; j < plain.length; j++) {
      const a = plain[i] as Box;
      const b = plain[j] as Box;
      if (overlap(a, b)) clashes.push(`${a.id} / ${b.id}`);
    }
  for (let i = 0; i < groups.length; i++)
    for (let j = i + 1; j < groups.length; j++) {
      const a = groups[i] as Box;
      const b = groups[j] as Box;
      if (overlap(a, b) && !inside(a, b) && !inside(b, a)) clashes.push(`${a.id} / ${b.id}`);
    }
  // A plain node overlapping a group must be inside it (one of its children).
  for (const n of plain)
    for (const g of groups) if (overlap(n, g) && !inside(n, g)) clashes.push(`${n.id} / ${g.id}`);
  expect(clashes).toEqual([]);
  expect(plain.length).toBeGreaterThanOrEqual(8);
  await editor.shot(info.outputPath('2-laid-out.png'));

  // Undo puts the template back where it was inserted.
  await page.keyboard.press('Control+z');
  await expect(editor.node('Global users')).toBeVisible();
});
