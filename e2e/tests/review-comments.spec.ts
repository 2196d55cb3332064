import { expect, test } from '@playwright/test';
import { Editor } from '../pages/editor';
import { openFresh } from '../pages/share';

/** Review's Comments tab of `editor`'s page. */
async function openComments(editor: Editor) {
  await editor.toolbarButton('Review').click();
  const panel = editor.page.getByRole('complementary', { name: 'Review panel' });
  await panel.getByRole('tab', { name: 'Comments' }).click();
  return panel;
}

test('a view-link visitor comments on a node; the owner resolves it; the visitor sees it resolved', async ({
  page,
  browser,
}, info) => {
  const owner = new Editor(page);
  await owner.open();
  await owner.addWithKeyboard('Queue');
  await expect(owner.node('Queue')).toBeVisible();

  // A local design has no comments yet: Review says how to collect them.
  const local = await openComments(owner);
  await expect(local).toContainText('Share the design to collect comments');
  await page.getByRole('button', { name: 'Exit review' }).click();

  await owner.toolbarButton('Share').click();
  const dialog = page.getByRole('dialog', { name: 'Share' });
  await dialog.getByRole('button', { name: 'Create share link' }).click();
  const viewUrl = await dialog.getByRole('textbox', { name: 'View link' }).inputValue();
  const editUrl = await dialog.getByRole('textbox', { name: 'Edit link' }).inputValue();

  // The visitor on the view link: a display name is required, the comment is pinned to the queue.
  const visitor = await openFresh(browser, viewUrl);
  await expect(visitor.node('Queue')).toBeVisible();
  const vPanel = await openComments(visitor);
  const form = vPanel.getByRole('form', { name: 'New comment' });
  await form.getByLabel('Comment').fill('Where do failed messages go?');
  await form.getByLabel('Pin to').selectOption({ label: 'Queue' });
  await expect(form.getByRole('button', { name: 'Add comment' })).toBeDisabled();
  await form.getByLabel('Your name').fill('Dana');
  await form.getByRole('button', { name: 'Add comment' }).click();
  const dana = vPanel.getByRole('listitem', { name: 'Comment by Dana' });
  await expect(dana).toContainText('Where do failed messages go?');
  // Her own comment token lets her resolve it; she leaves that to the owner here.
  await expect(dana.getByRole('button', { name: 'Resolve' })).toBeVisible();
  await visitor.shot(info.outputPath('1-visitor-commented.png'));

  // The owner on the edit link sees it, with the badge on the node, and resolves it.
  const editor = await openFresh(browser, editUrl);
  await expect(editor.node('Queue')).toBeVisible();
  // The badge shows as the design opens, before anyone looks at the comments.
  await expect(editor.node('Queue').getByRole('img', { name: '1 open comment' })).toBeVisible();
  const ePanel = await openComments(editor);
  const seen = ePanel.getByRole('listitem', { name: 'Comment by Dana' });
  await expect(seen).toContainText('Where do failed messages go?');
  await expect(editor.node('Queue').getByRole('img', { name: '1 open comment' })).toBeVisible();
  // The owner answers in the thread (a new browser: the name is asked for once).
  await seen.getByRole('button', { name: 'Reply' }).click();
  const replyForm = seen.getByRole('form', { name: 'Reply to Dana' });
  await replyForm.getByLabel('Your name').fill('Owner');
  await replyForm.getByLabel('Reply').fill('To the DLQ, after 5 tries.');
  await replyForm.getByRole('button', { name: 'Send reply' }).click();
  await expect(seen.getByRole('listitem', { name: 'Reply by Owner' })).toContainText('To the DLQ');
  // A reply is part of its thread: still one open comment on the node.
  await expect(editor.node('Queue').getByRole('img', { name: '1 open comment' })).toBeVisible();
  await seen.getByRole('button', { name: 'Resolve' }).click();
  await expect(ePanel.getByRole('listitem', { name: 'Comment by Dana' })).toHaveCount(0);
  await expect(editor.node('Queue').getByRole('img', { name: /open comment/ })).toHaveCount(0);
  await ePanel.getByRole('button', { name: /^Resolved/ }).click();
  await expect(ePanel.getByRole('listitem', { name: 'Comment by Dana' })).toContainText('Resolved');
  await editor.shot(info.outputPath('2-owner-resolved.png'));

  // From the Problems list: "Comment" on a finding opens Review on Comments, pinned to its node.
  await editor.page.getByRole('button', { name: 'Exit review' }).click();
  await editor.problems
    .getByRole('button', { name: /^Comment on: / })
    .first()
    .click();
  const review = editor.page.getByRole('complementary', { name: 'Review panel' });
  await expect(review.getByRole('tab', { name: 'Comments' })).toHaveAttribute('aria-selected', 'true');
  await expect(review.getByRole('form', { name: 'New comment' }).getByLabel('Pin to')).toHaveValue(/queue/);

  // The visitor, after a reload, finds it resolved (and can reopen it with her own token).
  await visitor.page.reload();
  await expect(visitor.node('Queue')).toBeVisible();
  const again = await openComments(visitor);
  await expect(again.getByRole('listitem', { name: 'Comment by Dana' })).toHaveCount(0);
  await again.getByRole('button', { name: /^Resolved/ }).click();
  const resolved = again.getByRole('listitem', { name: 'Comment by Dana' });
  await expect(resolved).toContainText('Resolved');
  await expect(resolved.getByRole('button', { name: 'Reopen' })).toBeVisible();
  await expect(resolved.getByRole('listitem', { name: 'Reply by Owner' })).toContainText('To the DLQ');
  // The name is remembered for the next comment.
  await expect(again.getByRole('form', { name: 'New comment' }).getByLabel('Your name')).toHaveValue('Dana');
});
