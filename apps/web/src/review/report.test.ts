import { type ArchitectureDocument, emptyDocument, insertTemplate } from '@stackdraft/patterns';
import { describe, expect, it } from 'vitest';
import type { ReviewComment } from '../share/api';
import { reviewFileName, reviewMarkdown } from './report';

describe('review file name', () => {
  it('is a safe slug of the design name', () => {
    expect(reviewFileName('Orders platform')).toBe('orders-platform.review.md');
    expect(reviewFileName('../../etc/passwd')).toBe('etc-passwd.review.md');
    expect(reviewFileName('Café — v2!')).toBe('cafe-v2.review.md');
    expect(reviewFileName('   ')).toBe('design.review.md');
  });
});

const comment = (c: Partial<ReviewComment>): ReviewComment => ({
  id: 'c1',
  author: 'Dana',
  text: 'Why one AZ?',
  resolved: false,
  version: 2,
  createdAt: '2026-11-22T06:00:00Z',
  updatedAt: '2026-11-22T06:00:00Z',
  ...c,
});

describe('review markdown', () => {
  const before = insertTemplate(emptyDocument('Orders'), 'queue-processing').document;
  const queue = before.nodes.find((n) => n.kind === 'queue');
  if (!queue) throw new Error('the template has no queue');
  const after: ArchitectureDocument = {
    ...before,
    nodes: before.nodes.map((n) =>
      n.id === queue.id ? { ...n, config: { ...n.config, visibilityTimeoutS: 120 } } : n,
    ),
  };

  it('is the review alone for a design that is not shared', () => {
    const md = reviewMarkdown(after);
    expect(md).toMatch(/^# /);
    expect(md).not.toContain('## Comments');
    expect(md).not.toContain('## Design change');
  });

  it('adds the comments, open first, with what they are pinned to, and the last change', () => {
    const md = reviewMarkdown(after, {
      comments: [
        comment({ id: 'a', resolved: true, text: 'Done' }),
        comment({ id: 'b', nodeId: queue.id, text: 'Timeout **too** long? [x](javascript:alert(1))' }),
        comment({ id: 'r', nodeId: queue.id, author: 'Ann', text: 'Kept for slow batches.', replyTo: 'b' }),
      ],
      change: { before, beforeVersion: 1, afterVersion: 2 },
    });
    expect(md).toContain('## Comments (1 open, 1 resolved)');
    const open = md.indexOf('Timeout');
    const resolved = md.indexOf('Done');
    expect(open).toBeGreaterThan(0);
    expect(resolved).toBeGreaterThan(open);
    // The reply sits under its thread, not as a comment of its own.
    expect(md).toContain('  - **Ann** replied: Kept for slow batches.');
    expect(md.indexOf('Kept for slow')).toBeGreaterThan(open);
    expect(md.indexOf('Kept for slow')).toBeLessThan(resolved);
    // User text cannot add emphasis or links.
    expect(md).not.toContain('**too**');
    expect(md).not.toMatch(/[^\\]\]\(javascript/);
    expect(md).toContain('\\](javascript');
    expect(md).toContain('## Design change');
    expect(md).toContain('version 1');
    expect(md).toContain('visibilityTimeoutS');
  });
});
