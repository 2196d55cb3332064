import { describe, expect, it } from 'vitest';
import { APP_COMMANDS } from '../../commands/app-commands';
import { editorStore } from '../../store/editor-store';
import { clearCommentsRequest, commentsRequested } from './open-comments';

describe('the Comment command', () => {
  const command = APP_COMMANDS.find((c) => c.id === 'review.comment');

  it('is offered on nodes and edges, needs a selection, and stays on for view-only visitors', () => {
    expect(command?.menus).toEqual(['node', 'edge']);
    const s = editorStore.getState();
    s.select({ nodes: [], edges: [] });
    expect(command?.when?.(editorStore.getState())).toBe(false);
    s.select({ nodes: ['orders'], edges: [] });
    s.setReadOnly(true);
    expect(command?.when?.(editorStore.getState())).toBe(true);
    s.setReadOnly(false);
  });

  it('enters Review asking for the Comments tab, until ReviewTabs clears the request', async () => {
    expect(commentsRequested()).toBe(false);
    await command?.run(editorStore.getState());
    expect(editorStore.getState().presenting).toBe(true);
    expect(commentsRequested()).toBe(true);
    clearCommentsRequest();
    expect(commentsRequested()).toBe(false);
    editorStore.getState().setPresenting(false);
  });
});
