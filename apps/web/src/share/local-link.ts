import type { ArchitectureDocument } from '@stackdraft/patterns';
import { ShareError } from './api';
import { saveMutation, shareApi } from './query';
import { links } from './session';

/**
 * The link made from the local design (the one edited at `/`): the Share dialog creates it, and
 * later saves the design to it as a new version. The local design stays in this browser either
 * way; the link is a shared copy.
 */

export interface LinkInfo {
  id: string;
  editToken: string | undefined;
  version: number;
}

/** The link made from the local design, if this browser remembers one. */
export function localLink(): LinkInfo | undefined {
  const id = links.localLinkId();
  const record = id ? links.get(id) : undefined;
  return record ? { id: record.id, editToken: record.editToken, version: record.version } : undefined;
}

/** POST: shares the local design as version 1 of a new link, and remembers the link. */
export async function createLocalLink(doc: ArchitectureDocument): Promise<LinkInfo> {
  const r = await shareApi.create(doc);
  links.put({ id: r.id, editToken: r.editToken, version: r.version, pending: false });
  links.setLocalLinkId(r.id);
  return { id: r.id, editToken: r.editToken, version: r.version };
}

const save = saveMutation();

/**
 * PUT with If-Match: saves the local design to its link as a new version. A 409 rejects with the
 * conflict (the caller offers to save over it with `overVersion`, theirs staying in history).
 */
export async function updateLocalLink(doc: ArchitectureDocument, overVersion?: number): Promise<LinkInfo> {
  const link = localLink();
  if (!link?.editToken) throw new ShareError('forbidden', 'This browser does not have the edit token.');
  const r = await save({
    id: link.id,
    token: link.editToken,
    version: overVersion ?? link.version,
    document: doc,
  });
  links.update(link.id, { version: r.version, pending: false });
  return { ...link, version: r.version };
}

/** Forgets the link made from the local design (the next Share creates a new one). */
export function forgetLocalLink(): void {
  links.setLocalLinkId(undefined);
}
