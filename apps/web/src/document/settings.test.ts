import { type ArchitectureDocument, emptyDocument } from '@stackdraft/patterns';
import { describe, expect, it } from 'vitest';
import { checkNodeConfig, setDocumentSetting, setEdgeConfig, setEdgeKind, setNodeConfig } from './settings';

const doc = (): ArchitectureDocument => ({
  ...emptyDocument(),
  nodes: [
    { id: 'api', kind: 'container-service', label: 'API' },
    { id: 'db', kind: 'sql-database', label: 'DB', config: { multiAz: true } },
  ],
  edges: [{ id: 'e1', source: 'api', target: 'db', kind: 'sync' }],
});

describe('node config', () => {
  it('sets a valid value and removes the key again with undefined', () => {
    const r = setNodeConfig(doc(), 'db', 'storageGb', 250);
    expect(r.ok && r.doc.nodes[1]?.config).toEqual({ multiAz: true, storageGb: 250 });
    const back = r.ok ? setNodeConfig(r.doc, 'db', 'storageGb', undefined) : r;
    expect(back.ok && back.doc.nodes[1]?.config).toEqual({ multiAz: true });
  });

  it('refuses a value the kind schema refuses, with a readable message', () => {
    expect(checkNodeConfig('queue', {}, 'maxReceiveCount', 0)).toBe('must be at least 1');
    expect(checkNodeConfig('queue', {}, 'maxReceiveCount', 2.5)).toMatch(/whole number|integer/);
    expect(setNodeConfig(doc(), 'db', 'engine', 'oracle')).toEqual({
      ok: false,
      reason: 'engine must be one of "postgres", "mysql"',
    });
  });

  it('drops the config key entirely when the last value is removed', () => {
    const r = setNodeConfig(doc(), 'db', 'multiAz', undefined);
    expect(r.ok && 'config' in (r.doc.nodes[1] ?? {})).toBe(false);
  });
});

describe('edge settings', () => {
  it('sets resilience settings on a sync edge and refuses invalid ones', () => {
    const r = setEdgeConfig(doc(), 'e1', { timeoutMs: 2000, retry: { maxAttempts: 3, jitter: true } });
    expect(r.ok && r.doc.edges[0]?.config).toEqual({
      timeoutMs: 2000,
      retry: { maxAttempts: 3, jitter: true },
    });
    const bad = setEdgeConfig(doc(), 'e1', { retry: { maxAttempts: 0 } });
    expect(bad).toEqual({ ok: false, reason: 'retry maxAttempts must be at least 1' });
  });

  it('changes the edge kind only to one the catalog allows', () => {
    const r = setEdgeKind(doc(), 'e1', 'redrive');
    expect(r.ok).toBe(false);
  });
});

describe('document settings', () => {
  it('validates the region code and clears the budget', () => {
    expect(setDocumentSetting(doc(), 'region', 'moon-1').ok).toBe(false);
    const r = setDocumentSetting({ ...doc(), budget: 100 }, 'budget', undefined);
    expect(r.ok && 'budget' in r.doc).toBe(false);
    const name = setDocumentSetting(doc(), 'name', '');
    expect(name.ok).toBe(false);
  });
});
