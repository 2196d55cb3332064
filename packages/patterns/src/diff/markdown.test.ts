import { describe, expect, it } from 'vitest';
import { diffMarkdown, signedUsd } from './markdown';
import { reviewDiff } from './review-diff';
import { load } from './test-support';

const HOSTILE = 'a | b *c* [x](http://e.example) <script>`\n# heading';

describe('diffMarkdown', () => {
  it('escapes user text so it cannot break a table, add a heading or inject a link', () => {
    const before = load({ nodes: [{ id: 'q', kind: 'queue', label: 'Q' }] });
    const after = load({
      name: HOSTILE,
      nodes: [
        { id: 'q', kind: 'queue', label: HOSTILE },
        { id: 'n', kind: 'function', label: HOSTILE },
      ],
    });
    const md = diffMarkdown(reviewDiff(before, after), before, after, {
      files: { before: 'old|*.yaml', after: 'new.yaml' },
    });
    // Table rows keep exactly their columns: no unescaped pipe from the label.
    const cells = (row: string) => row.replace(/\\\|/g, '').split('|').length;
    const tables = md.split('\n\n').filter((block) => block.startsWith('|'));
    expect(tables.length).toBeGreaterThanOrEqual(2);
    for (const table of tables) {
      const rows = table.split('\n');
      for (const row of rows) expect(cells(row)).toBe(cells(rows[0] as string));
    }
    expect(md).not.toMatch(/^# heading/m);
    expect(md).not.toContain('<script>');
    expect(md.replaceAll('\\]', '')).not.toContain('](');
    expect(md).toContain('Comparing old\\|\\*.yaml → new.yaml');
    expect(md).toContain('### Design settings');
  });

  it('signs cost differences', () => {
    expect(signedUsd(65.44)).toBe('+$65.44');
    expect(signedUsd(-1234.5)).toBe('-$1,234.50');
    expect(signedUsd(0)).toBe('$0.00');
  });
});
