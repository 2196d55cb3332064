import { expect, test } from '@playwright/test';
import { Editor } from '../pages/editor';
import { savedToLink } from '../pages/share';

/** A one-queue design, shared straight through the API (version 1). */
const DESIGN = {
  stackdraft: 1,
  name: 'History drill',
  provider: 'aws',
  region: 'us-east-1',
  environment: 'development',
  nodes: [{ id: 'orders', kind: 'queue', label: 'Orders queue', position: { x: 80, y: 80 } }],
  edges: [],
};

test('History compares two versions, overlays the diff, and restores the older one as a new version', async ({
  page,
  request,
}, info) => {
  const created = await request.post('/api/diagrams', { data: { document: DESIGN } });
  expect(created.status()).toBe(201);
  const { id, editToken } = (await created.json()) as { id: string; editToken: string };

  const editor = new Editor(page);
  await page.goto(`/d/${id}#edit=${editToken}`);
  await expect(editor.node('Orders queue')).toBeVisible();

  // Version 2: a longer visibility timeout and more traffic (so the cost moves too), in one save.
  await editor.node('Orders queue').click();
  const timeout = editor.inspector.getByLabel(/^Visibility timeout/);
  await timeout.fill('120');
  await timeout.press('Enter');
  const volume = editor.inspector.getByLabel(/^Requests per month/);
  await volume.fill('500000000');
  await volume.press('Enter');
  await expect(savedToLink(page, 2)).toBeVisible();

  await editor.toolbarButton('Review').click();
  const panel = page.getByRole('complementary', { name: 'Review panel' });
  await panel.getByRole('tab', { name: 'History' }).click();
  const versions = panel.getByRole('list', { name: 'Versions' }).getByRole('listitem');
  await expect(versions).toHaveCount(2);

  // By default: the previous version against the current one.
  const diff = panel.getByRole('region', { name: 'Changes from version 1 to version 2' });
  await expect(diff).toContainText('config.visibilityTimeoutS:');
  await expect(diff).toContainText(/config\.visibilityTimeoutS: \S+ → 120/);
  await expect(diff.getByTestId('cost-delta')).toContainText(/Cost: \+\$[\d,]+\.\d\d \/ month/);
  // The changed queue is marked on the canvas.
  await expect
    .poll(async () => (await page.getByTestId('spotlight').textContent()) ?? '')
    .toMatch(/react-flow__node\[data-id="orders"\] > div[^}]*--sd-mark-degraded/);
  await editor.shot(info.outputPath('1-compare.png'));

  // Restore version 1: saved as version 3, and every version is still there.
  await panel.getByRole('button', { name: 'Restore version 1' }).click();
  // Review hides the toolbar: the History tab says where saving stands.
  await expect(panel.getByRole('status').filter({ hasText: 'Saved to link · v3' })).toBeVisible();
  await expect(versions).toHaveCount(3);
  const v3 = await request.get(`/api/diagrams/${id}/versions/3`);
  const restored = (await v3.json()) as { document: { nodes: { config?: Record<string, unknown> }[] } };
  expect(restored.document.nodes[0]?.config?.visibilityTimeoutS).not.toBe(120);
  const v2 = await request.get(`/api/diagrams/${id}/versions/2`);
  expect(v2.status()).toBe(200);

  // Versions 2 and 3 compared: the timeout goes back.
  await expect(panel.getByRole('region', { name: 'Changes from version 2 to version 3' })).toContainText(
    /config\.visibilityTimeoutS: 120 → /,
  );
  await expect(panel.getByTestId('cost-delta')).toContainText(/Cost: -\$/);
  await expect
    .poll(async () => (await page.getByTestId('spotlight').textContent()) ?? '')
    .toMatch(/react-flow__node\[data-id="orders"\] > div[^}]*--sd-mark-degraded/);
  await editor.shot(info.outputPath('2-restored.png'));

  // Two older versions (1 and 2) compared: the canvas shows version 3, so nothing is marked on it.
  await panel.getByLabel('Compare').selectOption('1');
  await panel.getByLabel('with').selectOption('2');
  await expect(panel.getByRole('region', { name: 'Changes from version 1 to version 2' })).toBeVisible();
  await expect(panel.getByText('The canvas shows the current version, v3')).toBeVisible();
  await expect(page.getByTestId('spotlight')).toHaveCount(0);
});
