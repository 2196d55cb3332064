import { canConnect } from '@stackdraft/patterns';
import { useConnection } from '@xyflow/react';
import { editorStore } from '../store/editor-store';

/**
 * While a connection is dragged over a node the catalog refuses, the reason shows next to the
 * pointer, before the person lets go: they learn why where they are looking.
 */
export function ConnectionHint() {
  const c = useConnection();
  if (!c.inProgress || c.isValid !== false || !c.toNode || c.toNode.id === c.fromNode.id) return null;
  const fromTarget = c.fromHandle.type === 'target';
  const [source, target] = fromTarget ? [c.toNode.id, c.fromNode.id] : [c.fromNode.id, c.toNode.id];
  const r = canConnect(editorStore.getState().doc, source, target);
  if (r.ok) return null;
  return (
    <div
      role="status"
      className="pointer-events-none absolute z-20 max-w-xs rounded-md bg-slate-900 px-2.5 py-1.5 text-xs leading-snug text-white shadow-lg dark:bg-slate-100 dark:text-slate-900"
      style={{ left: c.pointer.x + 14, top: c.pointer.y + 14 }}
    >
      {r.reason}
    </div>
  );
}
