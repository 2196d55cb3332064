import { type ArchitectureDocument, emptyDocument } from '@stackdraft/patterns';
import { describe, expect, it } from 'vitest';
import type { ReviewComment } from '../../share/api';
import { countByFilter, groupComments, openCountsByNode, targetName } from './comment-logic';
import { createCommentIdentity } from './local-identity';

const doc: ArchitectureDocument = {
  ...emptyDocument('Shop'),
  nodes: [
    { id: 'api', kind: 'api-gateway', label: 'Public API', position: { x: 0, y: 0 } },
    { id: 'orders', kind: 'queue', label: '', position: { x: 200, y: 0 } },
  ],
  edges: [{ id: 'api-orders', source: 'api', target: 'orders', kind: 'async' }],
} as ArchitectureDocument;

let n = 0;
function comment(pin: { nodeId: string } | { edgeId: string }, resolved = false): ReviewComment {
  n += 1;
  return {
    id: `c${n}`,
    ...pin,
    author: 'Dana',
    text: `comment ${n}`,
    resolved,
    version: 1,
    createdAt: '2026-11-22T06:00:00.000Z',
    updatedAt: '2026-11-22T06:00:00.000Z',
  };
}

describe('comment grouping', () => {
  const list = [
    comment({ nodeId: 'orders' }),
    comment({ nodeId: 'api' }, true),
    comment({ edgeId: 'api-orders' }),
    comment({ nodeId: 'orders' }),
    comment({ nodeId: 'gone' }),
  ];

  it('groups open comments per pinned element in order of the first one, and names them', () => {
    const groups = groupComments(list, doc, 'open');
    expect(groups.map((g) => [g.target.type, g.target.id, g.name, g.comments.length])).toEqual([
      ['node', 'orders', 'orders', 2],
      ['edge', 'api-orders', 'Public API → orders', 1],
      ['node', 'gone', 'gone', 1],
    ]);
    expect(groups.find((g) => g.target.id === 'gone')?.present).toBe(false);
  });

  it('filters resolved ones and counts every filter', () => {
    expect(groupComments(list, doc, 'resolved').map((g) => g.name)).toEqual(['Public API']);
    expect(countByFilter(list)).toEqual({ open: 4, resolved: 1, all: 5 });
  });

  it('counts open comments per node for the badges, leaving out edges and resolved ones', () => {
    expect([...openCountsByNode(list)]).toEqual([
      ['orders', 2],
      ['gone', 1],
    ]);
  });

  it('names an edge by its label when it has one, and nothing that is not in the design', () => {
    const labelled = { ...doc, edges: [{ ...doc.edges[0], label: 'new orders' }] } as ArchitectureDocument;
    expect(targetName(labelled, { type: 'edge', id: 'api-orders' })).toBe('Public API → orders (new orders)');
    expect(targetName(doc, { type: 'edge', id: 'nope' })).toBeUndefined();
  });
});

describe('threads', () => {
  const root = comment({ nodeId: 'orders' });
  const other = comment({ nodeId: 'orders' }, true);
  const reply = (to: ReviewComment, resolved = false): ReviewComment => ({
    ...comment({ nodeId: 'orders' }, resolved),
    replyTo: to.id,
  });
  const r1 = reply(root);
  const r2 = reply(root, true);
  const r3 = reply(other);
  const list = [root, other, r1, r2, r3];

  it('shows replies under their first comment, whole, whatever the filter', () => {
    const [open] = groupComments(list, doc, 'open');
    expect(open?.comments.map((c) => c.id)).toEqual([root.id]);
    expect(open?.replies.get(root.id)?.map((c) => c.id)).toEqual([r1.id, r2.id]);
    const [resolved] = groupComments(list, doc, 'resolved');
    expect(resolved?.comments.map((c) => c.id)).toEqual([other.id]);
    expect(resolved?.replies.get(other.id)?.map((c) => c.id)).toEqual([r3.id]);
  });

  it('counts threads, not replies, for the filters and the badges', () => {
    expect(countByFilter(list)).toEqual({ open: 1, resolved: 1, all: 2 });
    expect([...openCountsByNode(list)]).toEqual([['orders', 1]]);
  });
});

describe('comment identity', () => {
  it('remembers the display name and each comment token, and survives a failing storage', () => {
    const map = new Map<string, string>();
    const kv = {
      getItem: (k: string) => map.get(k) ?? null,
      setItem: (k: string, v: string) => void map.set(k, v),
      removeItem: (k: string) => void map.delete(k),
    };
    const id = createCommentIdentity(kv);
    id.setName('  Dana ');
    id.setToken('c1', 'tok');
    expect(id.name()).toBe('Dana');
    expect(id.tokenFor('c1')).toBe('tok');
    expect(id.tokenFor('c2')).toBeUndefined();

    const broken = createCommentIdentity({
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('quota');
      },
      removeItem: () => undefined,
    });
    expect(() => broken.setToken('c1', 'tok')).not.toThrow();
    expect(broken.name()).toBe('');
  });
});
