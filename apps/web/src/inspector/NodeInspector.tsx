import { type DocumentNode, findKind, graphOf } from '@stackdraft/patterns';
import { renameNode } from '../document/transforms';
import { type EditorState, editorStore, useEditor } from '../store/editor-store';
import { CATEGORY_STYLE } from '../ui/category-style';
import { KIND_ICONS } from '../ui/kind-icons';
import { ConfigForm } from './ConfigForm';
import { TextField } from './fields';
import { NodeFindings } from './NodeFindings';

/** The inspector of one node: name, what it is, where it is, its configuration and findings. */
export function NodeInspector({ id }: { id: string }) {
  // graphOf is cached per document, so this is a map lookup, not a scan, on every store change.
  const node = useEditor((s: EditorState) => graphOf(s.doc).nodes.get(id));
  const parent = useEditor((s: EditorState) => {
    const p = graphOf(s.doc).nodes.get(id)?.parent;
    return p ? graphOf(s.doc).nodes.get(p) : undefined;
  });
  if (!node) return null;
  const kind = findKind(node.kind);
  if (!kind) return null;
  const Icon = KIND_ICONS[kind.icon];
  return (
    <div className="grid gap-5">
      <header className="flex items-start gap-3">
        <span
          className={`grid size-10 shrink-0 place-items-center rounded-lg ${CATEGORY_STYLE[kind.category].icon}`}
        >
          <Icon className="size-5" aria-hidden="true" />
        </span>
        <div className="min-w-0">
          <h2 className="truncate text-sm font-semibold text-slate-900 dark:text-slate-100">{node.label}</h2>
          <p className="text-xs text-slate-500 dark:text-slate-400">
            {kind.label}
            {'service' in kind.aws ? ` · ${kind.aws.service}` : ''}
          </p>
        </div>
      </header>
      <p className="text-xs leading-relaxed text-slate-600 dark:text-slate-400">{kind.description}</p>
      <NameField node={node} />
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-xs">
        <dt className="text-slate-500 dark:text-slate-400">Id</dt>
        <dd className="truncate font-mono text-slate-700 dark:text-slate-300">{node.id}</dd>
        <dt className="text-slate-500 dark:text-slate-400">Inside</dt>
        <dd className="truncate text-slate-700 dark:text-slate-300">
          {parent ? parent.label : 'the canvas'}
        </dd>
      </dl>
      <NodeFindings id={node.id} />
      <ConfigForm node={node} />
    </div>
  );
}

function NameField({ node }: { node: DocumentNode }) {
  return (
    <TextField
      label="Name"
      value={node.label}
      check={(v) => (v.trim() === '' ? 'A name cannot be empty.' : undefined)}
      onCommit={(v) => {
        const s = editorStore.getState();
        s.commit('Rename', renameNode(s.doc, node.id, v));
      }}
    />
  );
}
