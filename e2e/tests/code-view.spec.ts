import { expect, test } from '@playwright/test';
import { seriousViolations } from '../pages/axe';
import { CodeView } from '../pages/code-view';
import { Editor } from '../pages/editor';

const MONACO = /monaco|editor\.worker|CodePanel/;

test('the code view and the canvas stay in step both ways', async ({ page }, info) => {
  const requested: string[] = [];
  page.on('request', (r) => requested.push(r.url()));
  const editor = new Editor(page);
  const code = new CodeView(page);
  await editor.open();
  await editor.addWithKeyboard('Queue');
  await expect(editor.node('Queue')).toBeVisible();

  // Nothing of Monaco is downloaded until the code view opens.
  expect(requested.filter((u) => MONACO.test(u))).toEqual([]);
  await code.open();
  expect(requested.some((u) => /monaco/.test(u))).toBe(true);
  expect(await code.text()).toContain('kind: queue');
  // Highlighted as YAML (Monaco's styles apply under the app's Content-Security-Policy).
  expect(await code.isHighlighted()).toBe(true);

  // Type a new node in YAML: it appears on the canvas, as one undo step.
  await code.typeLinesAfter('position: {', [
    '  - id: orders-worker',
    '    kind: function',
    '    label: Orders worker',
  ]);
  await expect(editor.node('Orders worker')).toBeVisible();
  await expect(code.status).toHaveText('In sync with the canvas');
  await editor.shot(info.outputPath('1-typed-node.png'));
  await editor.canvas.click({ position: { x: 20, y: 20 } });
  await page.keyboard.press('Control+z');
  await expect(editor.node('Orders worker')).toHaveCount(0);
  await expect(editor.node('Queue')).toBeVisible();
  await expect.poll(() => code.text()).not.toContain('orders-worker');
  await editor.toolbarButton('Redo').click();
  await expect(editor.node('Orders worker')).toBeVisible();
  await expect.poll(() => code.text()).toContain('id: orders-worker');

  // Drag a node on the canvas: its position changes in the YAML.
  const positionOf = async () => /id: queue\n(?:.*\n)*?\s+position: (\{[^}]*\})/.exec(await code.text())?.[1];
  const before = await positionOf();
  expect(before).toMatch(/x: -?\d+/);
  // The canvas is narrower beside the code: fit the design into it first.
  await page.getByRole('button', { name: /fit view/i }).click();
  await editor.settle();
  const dragQueue = async (dx: number, dy: number) => {
    const box = await editor.node('Queue').boundingBox();
    if (!box) throw new Error('the queue is not on screen');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + dx, box.y + box.height / 2 + dy, { steps: 10 });
    await page.mouse.up();
  };
  await dragQueue(80, 60);
  await expect.poll(positionOf).not.toBe(before);
  await editor.shot(info.outputPath('2-dragged.png'));

  // Invalid text: a marker on that line with the schema's message; the canvas keeps the design.
  await code.cursorAtEndOf('kind: function');
  await page.keyboard.press('Backspace');
  await page.keyboard.insertText('ion-typo');
  await expect.poll(() => code.text()).toContain('kind: functioion-typo');
  const bad = await code.lineNumberOf('kind: functioion-typo');
  await expect(code.status).toHaveText('1 problem: the canvas keeps the last valid design');
  await expect(
    code.region.getByRole('button', { name: new RegExp(`^Line ${bad}: .*functioion-typo`) }),
  ).toBeVisible();
  const squiggle = code.monaco.locator('.squiggly-error');
  await expect(squiggle).toHaveCount(1);
  await expect(squiggle).toHaveCSS('background-image', /url/);
  await expect(editor.node('Orders worker')).toBeVisible();
  await expect(editor.node('Queue')).toBeVisible();
  await editor.shot(info.outputPath('3-invalid.png'));
  // The marker sits on that line: hovering it shows the message there.
  await code.line('functioion-typo').locator('span', { hasText: 'functioion-typo' }).last().hover();
  await expect(page.locator('.monaco-hover').filter({ hasText: 'functioion-typo' }).first()).toBeVisible();

  // Completion offers the catalog's kinds.
  await code.cursorAtEndOf('kind: functioion-typo');
  for (let i = 0; i < 'functioion-typo'.length; i++) await page.keyboard.press('Backspace');
  await page.keyboard.press('Control+Space');
  const suggest = page.locator('.suggest-widget');
  await expect(suggest).toBeVisible();
  await expect(suggest.getByText('api-gateway', { exact: true })).toBeVisible();
  await expect(suggest.getByText('cache', { exact: true })).toBeVisible();
  await page.keyboard.insertText('sql');
  await expect(suggest.getByText('sql-database', { exact: true })).toBeVisible();
  await editor.shot(info.outputPath('4-completion.png'));
  // Accept it: the node becomes a SQL database on the canvas.
  await page.keyboard.press('Enter');
  await expect(editor.node('Orders worker')).toContainText(/SQL database/i);
  await expect(code.status).toHaveText('In sync with the canvas');

  // A canvas change keeps the person's selection in the text: select a word, rename the queue
  // on the canvas, come back and type over the same word.
  await code.cursorAtEndOf('label: Orders worker');
  await page.keyboard.press('Control+Shift+ArrowLeft');
  await editor.node('Queue').focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+a');
  await page.keyboard.type('Orders queue');
  await page.keyboard.press('Enter');
  await expect.poll(() => code.text()).toContain('label: Orders queue');
  await editor.settle();
  await code.focus();
  await page.keyboard.type('pipeline');
  await expect(editor.node('Orders pipeline')).toBeVisible();
  await expect(editor.node('Orders queue')).toBeVisible();
});

test.describe('accessibility', () => {
  // axe-core is injected as an inline script, which the server's CSP rightly blocks.
  test.use({ bypassCSP: true });

  test('the code view and the export preview have no serious or critical violations', async ({ page }) => {
    const editor = new Editor(page);
    const code = new CodeView(page);
    await editor.open();
    await editor.palette.getByRole('button', { name: 'Insert Three-tier web app' }).click();
    await code.open();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Switch to dark theme' }).click();
    expect(await seriousViolations(page)).toEqual([]);
    await editor.toolbarButton('Export').click();
    // The first Terraform file opens with its comment header: comments must be readable too.
    await expect(page.getByTestId('export-preview').locator('.view-lines')).toContainText('terraform');
    expect(await seriousViolations(page)).toEqual([]);
  });
});
