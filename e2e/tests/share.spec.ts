import { readFile } from 'node:fs/promises';
import { type APIRequestContext, expect, test } from '@playwright/test';
import { Editor } from '../pages/editor';
import { openFresh, savedToLink } from '../pages/share';

/** A small valid design to share straight through the API. */
const DESIGN = {
  stackdraft: 1,
  name: 'Conflict drill',
  provider: 'aws',
  region: 'us-east-1',
  environment: 'development',
  nodes: [{ id: 'orders', kind: 'queue', label: 'Orders queue', position: { x: 80, y: 80 } }],
  edges: [],
};

interface Stored {
  version: number;
  document: { nodes: { kind: string; label: string }[] };
}

async function current(request: APIRequestContext, id: string): Promise<Stored> {
  const res = await request.get(`/api/diagrams/${id}`);
  expect(res.status()).toBe(200);
  return (await res.json()) as Stored;
}

async function version(request: APIRequestContext, id: string, v: number): Promise<Stored> {
  const res = await request.get(`/api/diagrams/${id}/versions/${v}`);
  expect(res.status()).toBe(200);
  return (await res.json()) as Stored;
}

const labels = (s: Stored) => s.document.nodes.map((n) => n.label).sort();

test('a shared design opens view only by its view link and editable by its edit link', async ({
  page,
  browser,
  request,
}, info) => {
  const owner = new Editor(page);
  await owner.open();
  await owner.addWithKeyboard('Queue');
  await expect(owner.node('Queue')).toBeVisible();

  await owner.toolbarButton('Share').click();
  const dialog = page.getByRole('dialog', { name: 'Share' });
  await dialog.getByRole('button', { name: 'Create share link' }).click();
  const viewUrl = await dialog.getByRole('textbox', { name: 'View link' }).inputValue();
  const editUrl = await dialog.getByRole('textbox', { name: 'Edit link' }).inputValue();
  await expect(dialog.getByRole('button', { name: 'Copy view link' })).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Copy edit link' })).toBeVisible();
  expect(viewUrl).toMatch(/\/d\/[A-Za-z0-9_-]{22}$/);
  expect(editUrl).toBe(`${viewUrl}#edit=${editUrl.split('#edit=')[1]}`);
  const id = viewUrl.split('/d/')[1] as string;
  expect(labels(await current(request, id))).toEqual(['Queue']);
  await owner.shot(info.outputPath('1-shared.png'));

  // The view link: the design, and no way to change it.
  const viewer = await openFresh(browser, viewUrl);
  await expect(viewer.page.getByText('View only', { exact: true })).toBeVisible();
  await expect(viewer.node('Queue')).toBeVisible();
  await expect(viewer.palette.getByRole('button', { name: 'Add Queue', exact: true })).toBeDisabled();
  await expect(viewer.palette.locator('button:enabled[aria-label^="Add "]')).toHaveCount(0);
  await expect(viewer.palette.locator('button:enabled[aria-label^="Insert "]')).toHaveCount(0);
  await viewer.node('Queue').click();
  await expect(viewer.inspector.getByRole('textbox').first()).toBeDisabled();
  await expect(
    viewer.inspector.locator('input:enabled, select:enabled, textarea:enabled, button:enabled'),
  ).toHaveCount(0);
  // Dragging a node pans the view (the node stays where it is in the design); Delete does nothing.
  const placement = () => viewer.node('Queue').evaluate((el) => (el as HTMLElement).style.transform);
  const before = await placement();
  const box = await viewer.node('Queue').boundingBox();
  if (!box) throw new Error('the shared node is not on the canvas');
  const { mouse } = viewer.page;
  await mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await mouse.down();
  await mouse.move(box.x + 300, box.y + 200, { steps: 8 });
  await mouse.up();
  await viewer.page.keyboard.press('Delete');
  await expect(viewer.node('Queue')).toBeVisible();
  expect(await placement()).toBe(before);
  await expect(viewer.toolbarButton('Undo')).toBeDisabled();
  await viewer.shot(info.outputPath('2-view-only.png'));

  // The edit link: editable, saved to the link; the token leaves the address bar.
  const editor = await openFresh(browser, editUrl);
  await expect(editor.node('Queue')).toBeVisible();
  await expect(editor.page).toHaveURL(viewUrl);
  await expect(editor.page.getByText('View only', { exact: true })).toHaveCount(0);
  await editor.addWithKeyboard('Cache');
  await expect(savedToLink(editor.page, 2)).toBeVisible();
  expect(labels(await current(request, id))).toEqual(['Cache', 'Queue']);
  await editor.shot(info.outputPath('3-edited.png'));

  // Reloaded, the edit link still edits (the token was kept), and the viewer sees the change.
  await editor.page.reload();
  await expect(editor.node('Cache')).toBeVisible();
  await expect(editor.palette.getByRole('button', { name: 'Add Queue', exact: true })).toBeEnabled();
  await viewer.page.reload();
  await expect(viewer.node('Cache')).toBeVisible();
  await expect(viewer.page.getByText('View only', { exact: true })).toBeVisible();

  // The owner takes the links back: a new edit token (the old one is refused at once), and the
  // view link off (the viewer is told, not shown an empty design).
  await editor.toolbarButton('Share').click();
  const share = editor.page.getByRole('dialog', { name: 'Share' });
  await share.getByRole('button', { name: 'Replace edit link…' }).click();
  await share.getByRole('button', { name: 'Replace edit link', exact: true }).click();
  await expect(share.getByRole('textbox', { name: 'Edit link' })).not.toHaveValue(editUrl);
  const oldToken = editUrl.split('#edit=')[1] as string;
  const refused = await request.put(`/api/diagrams/${id}`, {
    headers: { Authorization: `Bearer ${oldToken}`, 'If-Match': '2' },
    data: { document: (await current(request, id)).document },
  });
  expect(refused.status()).toBe(403);
  await share.getByRole('button', { name: 'Turn view link off…' }).click();
  await share.getByRole('button', { name: 'Turn view link off', exact: true }).click();
  await expect(share.getByText('The view link is off')).toBeVisible();
  await viewer.page.reload();
  await expect(viewer.page.getByText(/No shared design at this link/)).toBeVisible();
  // The editor still edits with the new token, which this browser remembered.
  await share.getByRole('button', { name: 'Close' }).click();
  await expect(share).toHaveCount(0);
  await editor.addWithKeyboard('Topic');
  await expect(savedToLink(editor.page, 3)).toBeVisible();
});

test('two editors saving at once get the conflict choice, and neither loses anything', async ({
  browser,
  request,
}, info) => {
  const created = await request.post('/api/diagrams', { data: { document: DESIGN } });
  expect(created.status()).toBe(201);
  const { id, editToken } = (await created.json()) as { id: string; editToken: string };
  const editUrl = `/d/${id}#edit=${editToken}`;

  const a = await openFresh(browser, editUrl);
  const b = await openFresh(browser, editUrl);
  await expect(a.node('Orders queue')).toBeVisible();
  await expect(b.node('Orders queue')).toBeVisible();

  // A saves first; B's save builds on the version A replaced: 409, and B is asked.
  await a.addWithKeyboard('Cache');
  await expect(savedToLink(a.page, 2)).toBeVisible();
  await b.addWithKeyboard('Topic');
  const bBanner = b.page.getByRole('alert', { name: 'Someone else changed this design' });
  await expect(bBanner).toBeVisible();
  await b.shot(info.outputPath('1-conflict.png'));
  expect((await current(request, id)).version).toBe(2);

  // B keeps theirs as the newest version; A's stays in the history.
  await bBanner.getByRole('button', { name: 'Save mine as new version' }).click();
  await expect(savedToLink(b.page, 3)).toBeVisible();
  expect(labels(await current(request, id))).toEqual(['Orders queue', 'Topic']);
  expect(labels(await version(request, id, 2))).toEqual(['Cache', 'Orders queue']);

  // A edits on version 2 and meets the conflict; A reloads theirs: A's own version is
  // downloaded first and is one Undo away.
  await a.addWithKeyboard('Function');
  const aBanner = a.page.getByRole('alert', { name: 'Someone else changed this design' });
  await expect(aBanner).toBeVisible();
  const download = a.page.waitForEvent('download');
  await aBanner.getByRole('button', { name: 'Reload theirs' }).click();
  const file = await (await download).path();
  const mine = JSON.parse(await readFile(file, 'utf8')) as Stored['document'];
  expect(mine.nodes.map((n) => n.label).sort()).toEqual(['Cache', 'Function', 'Orders queue']);
  await expect(a.node('Topic')).toBeVisible();
  await expect(a.node('Function')).toHaveCount(0);
  await expect(savedToLink(a.page, 3)).toBeVisible();
  expect((await current(request, id)).version).toBe(3);
  await a.shot(info.outputPath('2-reloaded-theirs.png'));

  // Undo brings A's version back, and it is saved as the newest version: nothing was lost.
  await a.toolbarButton('Undo').click();
  await expect(a.node('Function')).toBeVisible();
  await expect(savedToLink(a.page, 4)).toBeVisible();
  expect(labels(await current(request, id))).toEqual(['Cache', 'Function', 'Orders queue']);
  expect(labels(await version(request, id, 3))).toEqual(['Orders queue', 'Topic']);
});

test('edits made offline are kept and reach the link when the connection is back', async ({
  browser,
  request,
}) => {
  const created = await request.post('/api/diagrams', { data: { document: DESIGN } });
  const { id, editToken } = (await created.json()) as { id: string; editToken: string };
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`/d/${id}#edit=${editToken}`);
  const editor = new Editor(page);
  await expect(editor.node('Orders queue')).toBeVisible();

  await context.setOffline(true);
  await editor.addWithKeyboard('Cache');
  await expect(
    page.getByRole('status').filter({ hasText: 'Offline — kept locally, retrying' }),
  ).toBeVisible();
  await editor.addWithKeyboard('Topic');
  expect((await current(request, id)).version).toBe(1);

  await context.setOffline(false);
  await expect(savedToLink(page, 2)).toBeVisible();
  expect(labels(await current(request, id))).toEqual(['Cache', 'Orders queue', 'Topic']);
});
