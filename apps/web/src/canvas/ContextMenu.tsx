import { useEffect, useMemo, useRef, useState } from 'react';
import { COMMANDS, isEnabled } from '../commands/registry';
import { displayShortcut } from '../commands/shortcuts';
import { editorStore } from '../store/editor-store';
import type { KindFlowEdge, KindFlowNode } from './types';

type Target = 'node' | 'edge' | 'pane';
export interface MenuState {
  x: number;
  y: number;
  target: Target;
}

/**
 * Right-click handlers for the canvas; a right-clicked node or edge becomes the selection. The
 * handlers are created once: React Flow hands them to every node and edge, and a new function on
 * each render would re-render all of them.
 */
export function useContextMenu() {
  const [state, setState] = useState<MenuState | null>(null);
  const handlers = useMemo(() => {
    const open = (e: React.MouseEvent | MouseEvent, target: Target) => {
      e.preventDefault();
      setState({ x: e.clientX, y: e.clientY, target });
    };
    return {
      close: () => setState(null),
      onNode: (e: React.MouseEvent, node: KindFlowNode) => {
        const s = editorStore.getState();
        if (!s.selection.nodes.includes(node.id)) s.select({ nodes: [node.id], edges: [] });
        open(e, 'node');
      },
      onEdge: (e: React.MouseEvent, edge: KindFlowEdge) => {
        const s = editorStore.getState();
        if (!s.selection.edges.includes(edge.id)) s.select({ nodes: [], edges: [edge.id] });
        open(e, 'edge');
      },
      onPane: (e: React.MouseEvent | MouseEvent) => open(e, 'pane'),
      onSelection: (e: React.MouseEvent) => open(e, 'node'),
    };
  }, []);
  return { state, ...handlers };
}

/** The context menu: the commands that apply where the person right-clicked. */
export function ContextMenu({ state, onClose }: { state: MenuState; onClose: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  const s = editorStore.getState();
  const items = COMMANDS.filter((c) => c.menus?.includes(state.target));

  useEffect(() => {
    ref.current?.querySelector<HTMLButtonElement>('button:not([disabled])')?.focus();
    const away = (e: PointerEvent) => {
      if (!ref.current?.contains(e.target as Node)) onClose();
    };
    window.addEventListener('pointerdown', away, true);
    return () => window.removeEventListener('pointerdown', away, true);
  }, [onClose]);

  const onKeyDown = (e: React.KeyboardEvent) => {
    const buttons = [...(ref.current?.querySelectorAll<HTMLButtonElement>('button:not([disabled])') ?? [])];
    const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === 'Escape') onClose();
    else if (e.key === 'ArrowDown') buttons[(i + 1) % buttons.length]?.focus();
    else if (e.key === 'ArrowUp') buttons[(i - 1 + buttons.length) % buttons.length]?.focus();
    else return;
    e.preventDefault();
    e.stopPropagation();
  };

  // Keep the menu on screen near the pointer.
  const left = Math.min(state.x, window.innerWidth - 240);
  const top = Math.min(state.y, window.innerHeight - items.length * 34 - 16);
  return (
    <div
      ref={ref}
      role="menu"
      aria-label="Actions"
      tabIndex={-1}
      onKeyDown={onKeyDown}
      className="fixed z-50 min-w-52 rounded-lg border border-slate-200 bg-white p-1 text-sm shadow-xl dark:border-slate-700 dark:bg-slate-900"
      style={{ left, top }}
    >
      {items.map((c) => {
        const Icon = c.icon;
        const enabled = isEnabled(c, s);
        return (
          <button
            key={c.id}
            type="button"
            role="menuitem"
            disabled={!enabled}
            onClick={() => {
              onClose();
              void c.run(editorStore.getState());
            }}
            className="flex w-full items-center gap-2.5 rounded-md px-2.5 py-1.5 text-left text-slate-700 hover:bg-slate-100 focus:bg-slate-100 focus:outline-none disabled:opacity-40 dark:text-slate-200 dark:hover:bg-slate-800 dark:focus:bg-slate-800"
          >
            {Icon ? (
              <Icon className="size-4 text-slate-500" aria-hidden="true" />
            ) : (
              <span className="size-4" />
            )}
            <span className="flex-1">{c.label}</span>
            {c.shortcuts?.[0] && (
              <kbd className="font-sans text-xs text-slate-500 dark:text-slate-400">
                {displayShortcut(c.shortcuts[0])}
              </kbd>
            )}
          </button>
        );
      })}
    </div>
  );
}
