import { useMutation } from '@tanstack/react-query';
import { Copy, Link2, Upload } from 'lucide-react';
import { useState } from 'react';
import { ShareError } from '../share/api';
import {
  createLocalLink,
  forgetLocalLink,
  type LinkInfo,
  localLink,
  updateLocalLink,
} from '../share/local-link';
import { Links, OwnerActions, shareErrorText } from '../share/ShareLinks';
import { ShareStatus } from '../share/ShareStatus';
import { links, makeCopy, saveSharedNow } from '../share/session';
import { type ShareState, useShare } from '../share/share-store';
import { editorStore } from '../store/editor-store';
import { Dialog, primaryButton, secondaryButton } from '../ui/Dialog';

const selectMode = (s: ShareState) => s.mode;
const selectId = (s: ShareState) => s.id;

/**
 * Share: on the local design, creates a share link (or saves the design to the link made before,
 * as a new version); on a shared design, shows its links. The owner can take links back.
 */
export function ShareDialog({ onClose }: { onClose: () => void }) {
  const mode = useShare(selectMode);
  const id = useShare(selectId);
  return (
    <Dialog title="Share" description="Send a link others can view or edit." onClose={onClose}>
      {mode === 'editor' || !id ? (
        <LocalShare />
      ) : mode === 'edit' ? (
        <EditShare id={id} />
      ) : (
        <ViewShare id={id} />
      )}
    </Dialog>
  );
}

/** The local design: create its link, or save it to that link as a new version. */
function LocalShare() {
  const [link, setLink] = useState<LinkInfo | undefined>(localLink);
  const [conflict, setConflict] = useState<number | undefined>();
  const create = useMutation({
    mutationFn: () => createLocalLink(editorStore.getState().doc),
    onSuccess: (l) => setLink(l),
  });
  const update = useMutation({
    mutationFn: (over?: number) => updateLocalLink(editorStore.getState().doc, over),
    onSuccess: (l) => {
      setConflict(undefined);
      setLink(l);
    },
    onError: (e) => {
      if (e instanceof ShareError && e.kind === 'conflict') setConflict(e.details.currentVersion);
    },
  });
  if (!link?.editToken) {
    return (
      <div className="grid gap-3">
        <p className="text-sm text-slate-600 dark:text-slate-300">
          Sharing stores a copy of this design on the Stackdraft server. You get a view link for reviewers and
          an edit link for people who may change it. Your design here stays as it is.
        </p>
        {create.error && <ErrorText error={create.error} />}
        <div className="flex justify-end">
          <button
            type="button"
            className={primaryButton}
            disabled={create.isPending}
            onClick={() => create.mutate()}
          >
            <Link2 className="size-4" aria-hidden="true" />{' '}
            {create.isPending ? 'Creating…' : 'Create share link'}
          </button>
        </div>
      </div>
    );
  }
  const refused =
    update.error instanceof ShareError && update.error.kind !== 'conflict' ? update.error : undefined;
  return (
    <div className="grid gap-4">
      <p role="status" className="text-sm text-slate-600 dark:text-slate-300">
        The link shows version {link.version} of this design. Changes you make here reach it when you save
        them to the link.
      </p>
      <Links id={link.id} token={link.editToken} />
      {conflict !== undefined ? (
        <div
          role="alert"
          className="grid gap-2 rounded-md bg-amber-50 p-3 text-sm text-amber-900 dark:bg-amber-950/50"
        >
          <p>
            Someone else changed this design: version {conflict} on the link is newer than the one yours
            builds on.
          </p>
          <div className="flex flex-wrap gap-2">
            <button type="button" className={primaryButton} onClick={() => update.mutate(conflict)}>
              Save mine as new version
            </button>
            <a className={secondaryButton} href={`/d/${link.id}`}>
              Open theirs
            </a>
          </div>
        </div>
      ) : (
        <div className="flex flex-wrap justify-end gap-2">
          <a className={secondaryButton} href={`/d/${link.id}`}>
            Open the shared design
          </a>
          <button
            type="button"
            className={primaryButton}
            disabled={update.isPending}
            onClick={() => update.mutate(undefined)}
          >
            <Upload className="size-4" aria-hidden="true" />
            {update.isPending ? 'Saving…' : `Save as version ${link.version + 1}`}
          </button>
        </div>
      )}
      {refused && <ErrorText error={refused} />}
      {refused?.kind === 'forbidden' || refused?.kind === 'not-found' ? (
        <button
          type="button"
          className={secondaryButton}
          onClick={() => {
            forgetLocalLink();
            setLink(undefined);
          }}
        >
          Make a new link instead
        </button>
      ) : null}
      <OwnerActions id={link.id} onToken={(t) => setLink({ ...link, editToken: t })} />
    </div>
  );
}

/** A shared design open for editing: its links, where saving stands, and the owner's actions. */
function EditShare({ id }: { id: string }) {
  const [token, setToken] = useState(() => links.get(id)?.editToken);
  return (
    <div className="grid gap-4">
      <div className="flex items-center gap-3 text-sm text-slate-600 dark:text-slate-300">
        <span className="flex-1">Edits here are saved to the link for everyone.</span>
        <ShareStatus />
        <button type="button" className={secondaryButton} onClick={() => saveSharedNow()}>
          Save now
        </button>
      </div>
      <Links id={id} token={token} />
      <OwnerActions id={id} onToken={setToken} />
    </div>
  );
}

/** A view-only shared design: its view link, and a copy to edit. */
function ViewShare({ id }: { id: string }) {
  return (
    <div className="grid gap-4">
      <Links id={id} token={undefined} />
      <p className="text-sm text-slate-600 dark:text-slate-300">
        You can view this design. To change it, make your own copy (the shared design stays as it is), or ask
        its owner for the edit link.
      </p>
      <div className="flex justify-end">
        <button type="button" className={primaryButton} onClick={makeCopy}>
          <Copy className="size-4" aria-hidden="true" /> Make a copy
        </button>
      </div>
    </div>
  );
}

function ErrorText({ error }: { error: unknown }) {
  return (
    <p
      role="alert"
      className="rounded-md bg-red-50 p-2 text-sm text-red-800 dark:bg-red-950/50 dark:text-red-200"
    >
      {shareErrorText(error)}
    </p>
  );
}
