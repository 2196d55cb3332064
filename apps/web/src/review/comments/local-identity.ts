import type { KeyValue } from '../../share/links';

/**
 * What this browser remembers for review comments: the display name the person comments under,
 * and, per comment they wrote, the token that lets them resolve or reopen it (the API shows it
 * only once). Storage failures (private mode, quota) never throw: the comment is still written.
 */

const NAME_KEY = 'stackdraft:review-name';
const TOKEN_PREFIX = 'stackdraft:comment-token:';

function safeKv(): KeyValue | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

/** The local store for comment identity (localStorage in the browser, a Map-backed one in tests). */
export function createCommentIdentity(kv: KeyValue | undefined = safeKv()) {
  const read = (key: string): string | undefined => {
    try {
      return kv?.getItem(key) ?? undefined;
    } catch {
      return undefined;
    }
  };
  const write = (key: string, value: string) => {
    try {
      kv?.setItem(key, value);
    } catch {
      // Not remembered: asked again next time (name) or resolvable only with the edit link (token).
    }
  };
  return {
    name: (): string => read(NAME_KEY) ?? '',
    setName: (name: string) => write(NAME_KEY, name.trim()),
    tokenFor: (commentId: string): string | undefined => read(TOKEN_PREFIX + commentId),
    setToken: (commentId: string, token: string) => write(TOKEN_PREFIX + commentId, token),
  };
}

export type CommentIdentity = ReturnType<typeof createCommentIdentity>;
export const commentIdentity = createCommentIdentity();
