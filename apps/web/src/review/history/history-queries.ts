import { type ArchitectureDocument, loadDocument } from '@stackdraft/patterns';
import { useQuery } from '@tanstack/react-query';
import { ShareError } from '../../share/api';
import { shareApi } from '../../share/query';
import { editTokenOf } from '../comments/comment-queries';

/** How often an open History tab looks for versions saved by others. */
export const HISTORY_REFRESH_MS = 15_000;

/** The version list; `current` (the version this tab builds on) in the key refetches it after a save. */
export function useVersions(id: string, current: number | undefined) {
  return useQuery({
    queryKey: ['diagram', id, 'versions', current ?? 0] as const,
    queryFn: ({ signal }) => shareApi.listVersions(id, editTokenOf(id), signal),
    refetchInterval: HISTORY_REFRESH_MS,
    refetchOnWindowFocus: true,
  });
}

/** Fetches and reads one stored version; versions never change, so it is fetched once. */
export async function fetchVersionDocument(
  id: string,
  version: number,
  signal?: AbortSignal,
): Promise<ArchitectureDocument> {
  const r = await shareApi.getVersion(id, version, editTokenOf(id), signal);
  const loaded = loadDocument(r.document);
  if (loaded.ok) return loaded.document;
  const first = loaded.errors[0];
  throw new ShareError(
    'refused',
    `Version ${version} cannot be opened by this version of Stackdraft${first ? ` (${first.path}: ${first.message})` : ''}.`,
  );
}

/** One version's document (undefined `version`: nothing chosen yet). */
export function useVersionDocument(id: string, version: number | undefined) {
  return useQuery({
    queryKey: ['diagram', id, 'version', version ?? 0] as const,
    queryFn: ({ signal }) => fetchVersionDocument(id, version ?? 0, signal),
    enabled: version !== undefined,
    staleTime: Number.POSITIVE_INFINITY,
  });
}
