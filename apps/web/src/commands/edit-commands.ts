import {
  ClipboardPaste,
  Copy,
  CopyPlus,
  Pencil,
  Redo2,
  Scissors,
  SquareDashedMousePointer,
  Trash,
  Undo2,
} from 'lucide-react';
import { copySelection, cutSelection, pasteFromClipboard } from '../canvas/clipboard';
import { duplicateNodes } from '../document/fragment';
import { GRID } from '../document/geometry';
import { deleteElements, moveNodes } from '../document/transforms';
import type { EditorState } from '../store/editor-store';
import type { Command } from './types';

const hasSelection = (s: EditorState) => s.selection.nodes.length > 0 || s.selection.edges.length > 0;
const hasNodes = (s: EditorState) => s.selection.nodes.length > 0;
/** Commands that change the design do not apply to a view-only design (menus show them disabled). */
const editable = (s: EditorState) => !s.readOnly;
const canDelete = (s: EditorState) => editable(s) && hasSelection(s);
const canChangeNodes = (s: EditorState) => editable(s) && hasNodes(s);

function nudge(dx: number, dy: number) {
  return (s: EditorState) => {
    const moves = new Map<string, { x: number; y: number }>();
    const selected = new Set(s.selection.nodes);
    for (const n of s.doc.nodes) {
      // A node inside a moved group travels with it.
      if (!selected.has(n.id) || (n.parent && selected.has(n.parent))) continue;
      const p = n.position ?? { x: 0, y: 0 };
      moves.set(n.id, { x: p.x + dx, y: p.y + dy });
    }
    s.commit('Move', moveNodes(s.doc, moves));
  };
}

const NUDGES: Command[] = (
  [
    ['left', 'ArrowLeft', -1, 0],
    ['right', 'ArrowRight', 1, 0],
    ['up', 'ArrowUp', 0, -1],
    ['down', 'ArrowDown', 0, 1],
  ] as const
).flatMap(([name, key, dx, dy]) => [
  {
    id: `edit.nudge-${name}`,
    label: `Move selection ${name}`,
    group: 'edit' as const,
    shortcuts: [key],
    scope: 'canvas' as const,
    when: canChangeNodes,
    run: nudge(dx * GRID, dy * GRID),
  },
  {
    id: `edit.nudge-${name}-far`,
    label: `Move selection ${name} (4 steps)`,
    group: 'edit' as const,
    shortcuts: [`Shift+${key}`],
    scope: 'canvas' as const,
    when: canChangeNodes,
    run: nudge(dx * GRID * 4, dy * GRID * 4),
  },
]);

/** Editing: undo, redo, delete, clipboard, duplicate, select, rename, nudge. */
export const EDIT_COMMANDS: Command[] = [
  {
    id: 'edit.undo',
    label: 'Undo',
    group: 'edit',
    icon: Undo2,
    shortcuts: ['Mod+Z'],
    when: (s) => s.history.past.length > 0,
    run: (s) => s.undo(),
  },
  {
    id: 'edit.redo',
    label: 'Redo',
    group: 'edit',
    icon: Redo2,
    shortcuts: ['Mod+Shift+Z', 'Mod+Y'],
    when: (s) => s.history.future.length > 0,
    run: (s) => s.redo(),
  },
  {
    id: 'edit.rename',
    label: 'Rename',
    group: 'edit',
    icon: Pencil,
    shortcuts: ['Enter', 'F2'],
    scope: 'canvas',
    menus: ['node'],
    when: (s) => editable(s) && s.selection.nodes.length === 1 && s.selection.edges.length === 0,
    run: (s) => s.startRename(s.selection.nodes[0] ?? null),
  },
  {
    id: 'edit.copy',
    label: 'Copy',
    group: 'edit',
    icon: Copy,
    shortcuts: ['Mod+C'],
    nativeShortcut: true,
    menus: ['node'],
    when: hasNodes,
    run: () => copySelection(),
  },
  {
    id: 'edit.cut',
    label: 'Cut',
    group: 'edit',
    icon: Scissors,
    shortcuts: ['Mod+X'],
    nativeShortcut: true,
    menus: ['node'],
    when: canChangeNodes,
    run: () => cutSelection(),
  },
  {
    id: 'edit.paste',
    label: 'Paste',
    group: 'edit',
    icon: ClipboardPaste,
    shortcuts: ['Mod+V'],
    nativeShortcut: true,
    menus: ['pane'],
    when: editable,
    run: () => pasteFromClipboard(),
  },
  {
    id: 'edit.duplicate',
    label: 'Duplicate',
    group: 'edit',
    icon: CopyPlus,
    shortcuts: ['Mod+D'],
    scope: 'canvas',
    menus: ['node'],
    when: canChangeNodes,
    run: (s) => {
      s.commit('Duplicate', duplicateNodes(s.doc, s.selection.nodes));
    },
  },
  {
    id: 'edit.delete',
    label: 'Delete',
    group: 'edit',
    icon: Trash,
    shortcuts: ['Delete', 'Backspace'],
    scope: 'canvas',
    menus: ['node', 'edge'],
    when: canDelete,
    run: (s) => {
      s.commit('Delete', deleteElements(s.doc, s.selection.nodes, s.selection.edges));
    },
  },
  {
    id: 'edit.select-all',
    label: 'Select all',
    group: 'edit',
    icon: SquareDashedMousePointer,
    shortcuts: ['Mod+A'],
    scope: 'canvas',
    menus: ['pane'],
    when: (s) => s.doc.nodes.length > 0,
    run: (s) => s.select({ nodes: s.doc.nodes.map((n) => n.id), edges: s.doc.edges.map((e) => e.id) }),
  },
  {
    id: 'edit.deselect',
    label: 'Clear selection',
    group: 'edit',
    shortcuts: ['Escape'],
    scope: 'canvas',
    when: hasSelection,
    run: (s) => s.select({ nodes: [], edges: [] }),
  },
  ...NUDGES,
];
