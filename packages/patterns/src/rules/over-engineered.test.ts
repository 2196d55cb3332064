import { describe, expect, it } from 'vitest';
import { design, edge, findingsOfRule, type NodeSpec, node } from './test-support';

const RULE = 'over-engineered';

/** `count` always-on services behind a load balancer, with the stated client traffic. */
const services = (rps: number | undefined, count: number, regions = 1) => {
  const nodes: NodeSpec[] = [
    node('users', 'client', rps === undefined ? undefined : { requestsPerSecond: rps }),
    node('lb', 'load-balancer'),
  ];
  const edges = [edge('users', 'lb', 'sync')];
  for (let r = 0; r < regions; r++) {
    const region = ['us-east-1', 'eu-west-1', 'ap-southeast-2'][r] as string;
    nodes.push(node(`r${r}`, 'region', { name: region }));
    for (let i = 0; i < count; i++) {
      nodes.push(node(`s${r}-${i}`, 'container-service', {}, { parent: `r${r}` }));
      edges.push(edge('lb', `s${r}-${i}`, 'sync'));
    }
  }
  return design({ nodes, edges });
};

describe(RULE, () => {
  it('fires on many always-on services for a small stated workload', () => {
    const [f, ...rest] = findingsOfRule(services(5, 6), RULE);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ severity: 'warning', pillar: 'cost-optimization', nodeIds: ['users'] });
    expect(f?.message).toBe(
      'For a stated workload of 5 requests/s (about 13 million requests a month), the design splits the work into 6 always-on services. Start simpler and scale as the traffic grows.',
    );
  });

  it('fires on services in several regions, naming the region groups', () => {
    const [f] = findingsOfRule(services(2, 1, 2), RULE);
    expect(f?.nodeIds).toEqual(['users', 'r0', 'r1']);
    expect(f?.message).toContain('runs services in 2 regions');
  });

  it('fires when always-on capacity costs far more than the stated traffic needs', () => {
    const doc = design({
      nodes: [
        node('users', 'client', { requestsPerSecond: 1 }),
        node('app', 'function'),
        node('db', 'sql-database', { instanceClass: 'db.r6g.4xlarge', multiAz: true }),
        node('v', 'secrets-vault'),
      ],
      edges: [edge('users', 'app', 'sync'), edge('app', 'db', 'sync'), edge('app', 'v', 'sync')],
    });
    expect(findingsOfRule(doc, RULE)[0]?.message).toMatch(
      /pays \$[\d,.]+ \/ month for always-on capacity, over 10 times the ~\$102\.56/,
    );
  });

  it('takes the workload from the document’s usage when no client states one', () => {
    const doc = { ...services(undefined, 6), usage: { requestsPerMonth: 2_628_000 } };
    expect(findingsOfRule(doc, RULE)[0]?.message).toMatch(
      /^For a stated workload of 1 request\/s \(about 2\.6 million/,
    );
    expect(findingsOfRule({ ...doc, usage: { requestsPerMonth: 500_000_000 } }, RULE)).toEqual([]);
  });

  it('does not fire for a big workload, an unstated one, or a small lean design', () => {
    expect(findingsOfRule(services(500, 8, 2), RULE)).toEqual([]);
    expect(findingsOfRule(services(undefined, 8, 2), RULE)).toEqual([]);
    expect(findingsOfRule(services(5, 3), RULE)).toEqual([]);
    const serverless = design({
      nodes: [
        node('users', 'client', { requestsPerSecond: 1 }),
        ...[1, 2, 3, 4, 5, 6, 7].map((i) => node(`fn${i}`, 'function')),
      ],
      edges: [1, 2, 3, 4, 5, 6, 7].map((i) => edge('users', `fn${i}`, 'sync')),
    });
    expect(findingsOfRule(serverless, RULE)).toEqual([]);
  });
});
