import type { DiagramStore } from '../store/types';

/**
 * A store for tests that never reach the database: `ping` answers, everything else fails the way a
 * broken database would (so a test that hits it sees a 500, not a silent success).
 */
export function stubStore(overrides: Partial<DiagramStore> = {}): DiagramStore {
  const fail = async (): Promise<never> => {
    throw new Error('relation "diagrams" does not exist (stub store: SELECT * FROM diagrams)');
  };
  return {
    kind: 'pglite',
    create: fail,
    get: fail,
    getMeta: fail,
    update: fail,
    listVersions: fail,
    getVersion: fail,
    rotateToken: fail,
    setViewEnabled: fail,
    addComment: fail,
    listComments: fail,
    setCommentResolved: fail,
    ping: async () => {},
    close: async () => {},
    ...overrides,
  };
}
