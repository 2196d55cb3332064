import { describe, expect, it } from 'vitest';
import { design, edge, node } from '../rules/test-support';
import { reviewReport } from './report';

const HOSTILE = 'Orders | *DB*\n# not a heading `x` <b>';

const reviewed = () => ({
  ...design({
    budget: 2500,
    nodes: [
      node('users', 'client', { requestsPerSecond: 50 }),
      node('api', 'api-gateway', { rateLimitPerSecond: 100 }, { label: 'Public API' }),
      node('orders', 'function'),
      node('db', 'sql-database', {}, { label: HOSTILE }),
      node('reports-db', 'sql-database', {}, { label: 'Reports' }),
      node('vault', 'secrets-vault'),
    ],
    edges: [
      edge('users', 'api', 'sync'),
      edge('api', 'orders', 'sync'),
      edge('orders', 'db', 'sync'),
      edge('orders', 'reports-db', 'sync'),
      edge('orders', 'vault', 'sync', { access: 'read' }),
    ],
    suppressions: [
      { rule: 'single-az-database', nodeId: 'reports-db', reason: 'rebuilt nightly | *not* critical' },
    ],
  }),
  name: 'Shop | *v2*',
});

describe('reviewReport', () => {
  it('opens with the design, its facts, the overall score and a pillar table', () => {
    const lines = reviewReport(reviewed()).split('\n');
    expect(lines[0]).toBe('# Design review: Shop \\| \\*v2\\*');
    expect(lines[2]).toMatch(
      /^production · 6 nodes · 5 edges · estimated cost \\\$[\d,]+\.\d\d \/ month \(budget \\\$2,500\.00\)$/,
    );
    expect(lines[4]).toBe('**Overall score: 97 / 100**'); // (4 x 100 + 2 x 92) / 6
    expect(lines.slice(6, 14)).toEqual([
      '| Pillar | Score | Open findings |',
      '| --- | ---: | --- |',
      '| Operational excellence | 100 | – |',
      '| Security | 92 | 1 warning |',
      '| Reliability | 92 | 1 warning |',
      '| Performance efficiency | 100 | – |',
      '| Cost optimization | 100 | – |',
      '| Sustainability | 100 | – |',
    ]);
  });

  it('groups open findings by pillar and rule, with where, what, the fix, and the explanation once', () => {
    const text = reviewReport(reviewed());
    expect(text).toContain(
      '## Security: 92 / 100\n\n### API gateway without authentication (`gateway-without-auth`)\n\n',
    );
    expect(text).toContain(
      '- **Warning** on `api` (Public API): API gateway "Public API" lets every caller through: it has no authorizer (auth is "none") and no connection to an auth service. **Fix:** Add a Cognito user pool to "Public API".',
    );
    expect(text).toContain('## Reliability: 92 / 100');
    expect(text.match(/^> A database with one instance/gm)).toHaveLength(1);
    expect(text).toContain('> *Pattern: Resilience Patterns: Multi-AZ deployment of the data tier*');
  });

  it('lists accepted findings with their reasons, and escapes every piece of user text', () => {
    const text = reviewReport(reviewed());
    expect(text).toContain('## Accepted findings');
    expect(text).toContain('**Accepted because:** rebuilt nightly \\| \\*not\\* critical');
    // The hostile label stays on its line, with its markdown neutralized.
    expect(text).toContain('`db` (Orders \\| \\*DB\\* \\# not a heading \\`x\\` \\<b\\>)');
    expect(text.split('\n').some((l) => l.startsWith('# not'))).toBe(false);
    for (const row of text.split('\n').filter((l) => l.startsWith('| '))) {
      expect(row.replace(/\\\|/g, '').split('|')).toHaveLength(5);
    }
  });

  it('says so when nothing is open', () => {
    const clean = design({
      nodes: [node('a', 'function'), node('t', 'nosql-table')],
      edges: [edge('a', 't', 'sync')],
    });
    const text = reviewReport(clean);
    expect(text).toContain('**Overall score: 100 / 100**');
    expect(text).toContain('No open findings: the design follows every rule Stackdraft checks.');
    expect(text).not.toContain('## Accepted findings');
  });
});
