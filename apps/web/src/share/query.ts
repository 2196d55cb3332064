import type { ArchitectureDocument } from '@stackdraft/patterns';
import { MutationObserver, QueryClient } from '@tanstack/react-query';
import { createShareApi, type SavedDiagram, type ShareApi, type SharedDiagram } from './api';

/**
 * The app's TanStack Query client. Retries are ours (share/sync.ts retries saves with backoff and
 * always sends the newest design, which a library retry of the old request would not), and
 * `networkMode: 'always'` lets a request fail fast when offline instead of pausing: the person is
 * told at once and the local copy is kept.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, networkMode: 'always', refetchOnWindowFocus: false, staleTime: 0 },
      mutations: { retry: false, networkMode: 'always' },
    },
  });
}

export const queryClient = createQueryClient();
export const shareApi: ShareApi = createShareApi();

/** The query key of a shared design (the token is never part of a key: keys show in dev tools). */
export const diagramKey = (id: string) => ['diagram', id] as const;

export interface SaveVars {
  id: string;
  token: string;
  version: number;
  document: ArchitectureDocument;
}

/**
 * Saves a new version through a TanStack mutation (PUT with If-Match): resolves with the new
 * version or rejects with a ShareError. Shared by the autosave to the link and the Share dialog.
 */
export function saveMutation(client: QueryClient = queryClient, api: ShareApi = shareApi) {
  const observer = new MutationObserver<SavedDiagram, Error, SaveVars>(client, {
    mutationKey: ['diagram', 'save'],
    mutationFn: (v) => api.save(v.id, v.token, v.version, v.document),
  });
  return (vars: SaveVars) => observer.mutate(vars);
}

/** Fetches the current version of a shared design through the query cache. */
export function fetchDiagram(id: string, token: string | undefined): Promise<SharedDiagram> {
  return queryClient.fetchQuery({
    queryKey: diagramKey(id),
    queryFn: ({ signal }) => shareApi.get(id, token, signal),
    staleTime: 0,
  });
}
