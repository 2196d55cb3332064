import { describe, expect, it } from 'vitest';
import { templateDocument } from '../test/hostile';
import { mermaidLabel, renderMermaid } from './index';

describe('Mermaid export', () => {
  it('draws groups as nested subgraphs, nodes inside them', () => {
    const text = renderMermaid(templateDocument('three-tier-web-app'));
    const lines = text.split('\n');
    const vpc = lines.findIndex((l) => l.startsWith('  subgraph n_vpc['));
    const subnet = lines.findIndex((l) => l.startsWith('    subgraph n_public_subnet['));
    const alb = lines.findIndex((l) => l.startsWith('      n_alb['));
    expect(vpc).toBeGreaterThan(0);
    expect(subnet).toBeGreaterThan(vpc);
    expect(alb).toBeGreaterThan(subnet);
    expect(text.startsWith('flowchart LR\n')).toBe(true);
  });

  it('styles edges by kind', () => {
    const text = renderMermaid(templateDocument('queue-processing'));
    expect(text).toContain('n_orders_queue ==> n_process_order');
    expect(text).toContain('n_orders_queue --x n_orders_dlq');
    expect(text).toContain('n_order_producer -.-> n_orders_queue');
  });

  it('escapes everything that could leave the quotes or start syntax', () => {
    expect(mermaidLabel('say "hi"; #1 <b> 100% `x`')).toBe(
      'say #34;hi#34;#59; #35;1 #60;b#62; 100#37; #96;x#96;',
    );
    expect(mermaidLabel('a\r\nb\u0007c')).toBe('a<br/>b c');
    expect(mermaidLabel('end')).toBe('end');
  });
});
