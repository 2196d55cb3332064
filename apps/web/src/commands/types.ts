import type { LucideIcon } from 'lucide-react';
import type { EditorState } from '../store/editor-store';

export type CommandGroup = 'file' | 'edit' | 'view' | 'arrange' | 'design' | 'help';

/**
 * One thing a person can do, in one place: the toolbar, the context menu, the keyboard and the
 * command palette all read this (as Excalidraw's actions). `run` reads the current state and
 * commits a document transform or changes the UI.
 */
export interface Command {
  readonly id: string;
  readonly label: string;
  readonly group: CommandGroup;
  readonly icon?: LucideIcon;
  /** `Mod+Shift+Z` style; the first one is the one shown. */
  readonly shortcuts?: readonly string[];
  /**
   * `canvas`: the shortcut acts only when the keyboard is on the canvas (or nowhere in particular),
   * so that Enter on a button or Backspace in a field keep their usual meaning.
   */
  readonly scope?: 'global' | 'canvas';
  /** The browser delivers this shortcut as a clipboard event (copy, cut, paste): not a keydown. */
  readonly nativeShortcut?: boolean;
  /** Whether the command applies now; menus show it disabled, shortcuts pass the key on. */
  readonly when?: (s: EditorState) => boolean;
  /** Where the context menu offers it. */
  readonly menus?: readonly ('node' | 'edge' | 'pane')[];
  run(s: EditorState): void | Promise<void>;
}
