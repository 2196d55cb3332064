import { useEffect, useId, useMemo, useState } from 'react';
import type { NewComment } from '../../share/api';
import { type EditorState, useEditor } from '../../store/editor-store';
import { targetName } from './comment-logic';
import { commentIdentity } from './local-identity';

const selectDoc = (s: EditorState) => s.doc;
const selectSelection = (s: EditorState) => s.selection;

/** `node:<id>` / `edge:<id>`: the value of the "Pin to" choice. */
type PinKey = string;

function pinOf(key: PinKey): { nodeId: string } | { edgeId: string } | undefined {
  const [type, ...rest] = key.split(':');
  const id = rest.join(':');
  if (!id) return undefined;
  return type === 'node' ? { nodeId: id } : type === 'edge' ? { edgeId: id } : undefined;
}

interface Props {
  onSubmit: (c: NewComment) => Promise<unknown>;
  busy: boolean;
  error: string | undefined;
}

/**
 * Writes a comment pinned to a node or edge: the one selected on the canvas by default. The API
 * pins every comment to an element, so there is no comment on "the whole design".
 */
export function NewCommentForm({ onSubmit, busy, error }: Props) {
  const doc = useEditor(selectDoc);
  const selection = useEditor(selectSelection);
  const base = useId();
  const [author, setAuthor] = useState(() => commentIdentity.name());
  const [text, setText] = useState('');
  const [pin, setPin] = useState<PinKey>('');
  const options = useMemo(
    () => [
      ...doc.nodes.map((n) => ({
        key: `node:${n.id}`,
        name: targetName(doc, { type: 'node', id: n.id }) ?? n.id,
      })),
      ...doc.edges.map((e) => ({
        key: `edge:${e.id}`,
        name: targetName(doc, { type: 'edge', id: e.id }) ?? e.id,
      })),
    ],
    [doc],
  );
  // The canvas selection chooses the pin; the list can still change it.
  useEffect(() => {
    const node = selection.nodes[0];
    const edge = selection.edges[0];
    if (node) setPin(`node:${node}`);
    else if (edge) setPin(`edge:${edge}`);
  }, [selection]);
  const live = options.some((o) => o.key === pin) ? pin : '';
  const target = pinOf(live);
  const ready = author.trim() !== '' && text.trim() !== '' && target !== undefined && !busy;

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!ready || !target) return;
    commentIdentity.setName(author);
    try {
      await onSubmit({ author: author.trim(), text: text.trim(), ...target });
      setText('');
    } catch {
      // The panel shows the error; the text stays so nothing typed is lost.
    }
  };
  return (
    <form
      onSubmit={submit}
      aria-label="New comment"
      className="flex flex-col gap-2 border-b border-slate-200 p-3 dark:border-slate-800"
    >
      <label htmlFor={`${base}-name`} className="text-xs font-medium text-slate-600 dark:text-slate-300">
        Your name
      </label>
      <input
        id={`${base}-name`}
        value={author}
        maxLength={100}
        required
        onChange={(e) => setAuthor(e.target.value)}
        className="rounded border border-slate-300 px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900"
      />
      <label htmlFor={`${base}-pin`} className="text-xs font-medium text-slate-600 dark:text-slate-300">
        Pin to
      </label>
      <select
        id={`${base}-pin`}
        value={live}
        onChange={(e) => setPin(e.target.value)}
        className="rounded border border-slate-300 px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900"
      >
        <option value="">Select a node or edge…</option>
        {options.map((o) => (
          <option key={o.key} value={o.key}>
            {o.key.startsWith('edge:') ? `Edge: ${o.name}` : o.name}
          </option>
        ))}
      </select>
      <label htmlFor={`${base}-text`} className="text-xs font-medium text-slate-600 dark:text-slate-300">
        Comment
      </label>
      <textarea
        id={`${base}-text`}
        value={text}
        maxLength={5000}
        rows={3}
        onChange={(e) => setText(e.target.value)}
        className="rounded border border-slate-300 px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900"
      />
      {error && (
        <p role="alert" className="text-xs text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
      <button
        type="submit"
        disabled={!ready}
        className="self-end rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-700 disabled:opacity-50"
      >
        Add comment
      </button>
    </form>
  );
}
