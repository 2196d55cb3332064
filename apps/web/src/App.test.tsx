import { emptyDocument } from '@stackdraft/patterns';
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from './App';
import { editorStore } from './store/editor-store';

afterEach(cleanup);

describe('App', () => {
  it('has every name DESIGN.md promises: toolbar buttons, panel regions, canvas nodes by label', () => {
    editorStore.getState().replaceDocument({
      ...emptyDocument(),
      nodes: [{ id: 'q', kind: 'queue', label: 'Orders queue', position: { x: 0, y: 0 } }],
    });
    render(<App />);
    for (const name of ['Undo', 'Redo', 'Auto layout', 'Code', 'Export', 'Share', 'Review'])
      expect(screen.getByRole('button', { name })).toBeTruthy();
    for (const name of ['Palette', 'Inspector'])
      expect(screen.getByRole('complementary', { name })).toBeTruthy();
    for (const name of ['Problems', 'Cost', 'Review score'])
      expect(screen.getByRole('region', { name })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Add Queue' })).toBeTruthy();
    expect(screen.getByRole('group', { name: 'Orders queue' })).toBeTruthy();
  });

  it('switches to the dark theme on the page', () => {
    render(<App />);
    act(() => screen.getByRole('button', { name: 'Switch to dark theme' }).click());
    expect(document.documentElement.classList.contains('dark')).toBe(true);
    act(() => screen.getByRole('button', { name: 'Switch to light theme' }).click());
    expect(document.documentElement.classList.contains('dark')).toBe(false);
  });
});
