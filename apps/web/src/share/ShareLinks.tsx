import { useMutation, useQuery } from '@tanstack/react-query';
import { Check, Copy } from 'lucide-react';
import { useId, useRef, useState } from 'react';
import { editorStore } from '../store/editor-store';
import { secondaryButton } from '../ui/Dialog';
import { ShareError } from './api';
import { diagramKey, shareApi } from './query';
import { editLink, viewLink } from './route';
import { links, rotateEditToken, setViewLink } from './session';

/** A message for a failed share action, naming what to do about it. */
export function shareErrorText(err: unknown): string {
  if (!(err instanceof ShareError)) return 'Something went wrong; try again.';
  if (err.kind === 'network')
    return 'Sharing needs the Stackdraft server, and none answers here. Start it with `npm start` and open the app from it.';
  return err.message;
}

/** One link with a Copy button ("Copy view link", "Copy edit link"). */
export function LinkField({
  label,
  url,
  note,
}: {
  label: 'view link' | 'edit link';
  url: string;
  note: string;
}) {
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  const [copied, setCopied] = useState(false);
  const title = label === 'view link' ? 'View link' : 'Edit link';
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    } catch {
      // No clipboard permission: select the text, so Ctrl/Cmd+C copies it.
      input.current?.select();
      editorStore.getState().notify('info', 'Press Ctrl+C (or Cmd+C) to copy the selected link.');
    }
  };
  return (
    <div className="grid gap-1">
      <label htmlFor={id} className="text-xs font-semibold text-slate-700 dark:text-slate-200">
        {title}
      </label>
      <div className="flex gap-2">
        <input
          id={id}
          ref={input}
          readOnly
          value={url}
          onFocus={(e) => e.currentTarget.select()}
          className="min-w-0 flex-1 rounded-md border border-slate-200 bg-slate-50 px-2 py-1 font-mono text-xs text-slate-800 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
        />
        <button
          type="button"
          aria-label={`Copy ${label}`}
          onClick={() => void copy()}
          className={secondaryButton}
        >
          {copied ? (
            <Check className="size-4" aria-hidden="true" />
          ) : (
            <Copy className="size-4" aria-hidden="true" />
          )}
          {copied ? 'Copied' : 'Copy'}
        </button>
      </div>
      <p className="text-xs text-slate-500 dark:text-slate-400">{note}</p>
    </div>
  );
}

/** The view link and, for the owner, the edit link. */
export function Links({ id, token }: { id: string; token: string | undefined }) {
  const origin = window.location.origin;
  return (
    <div className="grid gap-3">
      <LinkField
        label="view link"
        url={viewLink(origin, id)}
        note="Anyone with this link can see the design and comment; they cannot change it."
      />
      {token && (
        <LinkField
          label="edit link"
          url={editLink(origin, id, token)}
          note="Anyone with this link can change the design. Send it only to people you trust."
        />
      )}
    </div>
  );
}

type Confirm = 'rotate' | 'view-off' | undefined;

/**
 * What the owner (the edit token) can take back: replace the edit token (old edit links stop
 * working at once) and turn the view link off or on. Each asks for confirmation first.
 */
export function OwnerActions({ id, onToken }: { id: string; onToken: (token: string) => void }) {
  const [confirm, setConfirm] = useState<Confirm>();
  const token = links.get(id)?.editToken;
  const state = useQuery({
    queryKey: [...diagramKey(id), 'view-link'],
    queryFn: ({ signal }) => shareApi.get(id, token, signal),
    enabled: token !== undefined,
  });
  const rotate = useMutation({
    mutationFn: () => rotateEditToken(id),
    onSuccess: (t) => {
      setConfirm(undefined);
      onToken(t);
      editorStore.getState().notify('success', 'New edit link made: the old edit links no longer work.');
    },
  });
  const view = useMutation({
    mutationFn: (enabled: boolean) => setViewLink(id, enabled),
    onSuccess: () => {
      setConfirm(undefined);
      void state.refetch();
    },
  });
  if (!token) return null;
  const viewEnabled = state.data?.viewEnabled;
  const error = rotate.error ?? view.error;
  return (
    <section
      aria-label="Owner actions"
      className="grid gap-2 border-t border-slate-200 pt-3 dark:border-slate-800"
    >
      <h3 className="text-xs font-semibold text-slate-700 dark:text-slate-200">Take links back</h3>
      {confirm === 'rotate' ? (
        <ConfirmRow
          text="Everyone who has the current edit link loses edit access at once. Replace it?"
          action="Replace edit link"
          busy={rotate.isPending}
          onConfirm={() => rotate.mutate()}
          onCancel={() => setConfirm(undefined)}
        />
      ) : confirm === 'view-off' ? (
        <ConfirmRow
          text="The view link will answer “not found” until you turn it on again. The edit link keeps working."
          action="Turn view link off"
          busy={view.isPending}
          onConfirm={() => view.mutate(false)}
          onCancel={() => setConfirm(undefined)}
        />
      ) : (
        <div className="flex flex-wrap gap-2">
          <button type="button" className={secondaryButton} onClick={() => setConfirm('rotate')}>
            Replace edit link…
          </button>
          {viewEnabled === false ? (
            <button type="button" className={secondaryButton} onClick={() => view.mutate(true)}>
              Turn view link on
            </button>
          ) : (
            <button
              type="button"
              className={secondaryButton}
              disabled={viewEnabled === undefined}
              onClick={() => setConfirm('view-off')}
            >
              Turn view link off…
            </button>
          )}
        </div>
      )}
      {viewEnabled === false && (
        <p className="text-xs text-amber-700 dark:text-amber-400">
          The view link is off: it answers “not found”.
        </p>
      )}
      {error && (
        <p role="alert" className="text-xs text-red-600 dark:text-red-400">
          {shareErrorText(error)}
        </p>
      )}
    </section>
  );
}

function ConfirmRow(props: {
  text: string;
  action: string;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <div className="grid gap-2 rounded-md bg-amber-50 p-2 dark:bg-amber-950/50">
      <p className="text-xs text-amber-900 dark:text-amber-100">{props.text}</p>
      <div className="flex gap-2">
        <button
          type="button"
          disabled={props.busy}
          onClick={props.onConfirm}
          className="rounded-md bg-red-600 px-2.5 py-1 text-xs font-medium text-white hover:bg-red-500 disabled:opacity-60"
        >
          {props.action}
        </button>
        <button type="button" onClick={props.onCancel} className={secondaryButton}>
          Cancel
        </button>
      </div>
    </div>
  );
}
