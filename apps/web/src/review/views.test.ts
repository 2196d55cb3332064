import { type ArchitectureDocument, checkIntegrity, emptyDocument, loadDocument } from '@stackdraft/patterns';
import { describe, expect, it } from 'vitest';
import { addView, deleteView, MAX_VIEWS, moveView, nextViewName, renameView } from './views';

function design(): ArchitectureDocument {
  const doc = emptyDocument();
  return {
    ...doc,
    nodes: [
      { id: 'orders', kind: 'queue', label: 'Orders' },
      { id: 'worker', kind: 'function', label: 'Worker' },
    ],
  };
}

const camera = { viewport: { x: 10.123, y: -20.456, zoom: 1.23456 }, highlighted: ['orders', 'ghost'] };

function ok(r: ReturnType<typeof addView>): ArchitectureDocument {
  if (!r.ok) throw new Error(r.reason);
  return r.doc;
}

describe('saved views', () => {
  it('adds a view that the schema accepts, dropping ids the design does not have', () => {
    const doc = ok(addView(design(), camera));
    expect(doc.views).toEqual([
      { name: 'View 1', viewport: { x: 10.1, y: -20.5, zoom: 1.235 }, highlighted: ['orders'] },
    ]);
    expect(checkIntegrity(doc)).toEqual([]);
    const reread = loadDocument(JSON.parse(JSON.stringify(doc)));
    expect(reread.ok).toBe(true);
  });

  it('numbers new views past the highest number in use', () => {
    expect(nextViewName([])).toBe('View 1');
    expect(nextViewName([{ name: 'View 4' }, { name: 'Overview' }])).toBe('View 5');
    expect(nextViewName([{ name: 'Overview' }, { name: 'Data' }])).toBe('View 3');
  });

  it('refuses a blank name and a view beyond the limit', () => {
    expect(addView(design(), camera, '   ').ok).toBe(false);
    let doc = design();
    for (let i = 0; i < MAX_VIEWS; i++) doc = ok(addView(doc, camera));
    const r = addView(doc, camera);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/at most 50 views/);
  });

  it('renames, reorders and deletes', () => {
    let doc = ok(addView(design(), camera, 'Overview'));
    doc = ok(addView(doc, { viewport: { x: 0, y: 0, zoom: 1 }, highlighted: [] }, 'Data tier'));
    doc = ok(renameView(doc, 1, '  Data  '));
    expect(doc.views?.map((v) => v.name)).toEqual(['Overview', 'Data']);
    doc = ok(moveView(doc, 1, -1));
    expect(doc.views?.map((v) => v.name)).toEqual(['Data', 'Overview']);
    expect(ok(moveView(doc, 0, -1))).toBe(doc);
    doc = ok(deleteView(doc, 0));
    expect(doc.views?.map((v) => v.name)).toEqual(['Overview']);
    doc = ok(deleteView(doc, 0));
    expect(doc.views).toBeUndefined();
    expect(deleteView(doc, 0).ok).toBe(false);
    expect(renameView(doc, 3, 'x').ok).toBe(false);
  });

  it('refuses a viewport that is not finite', () => {
    expect(addView(design(), { viewport: { x: Number.NaN, y: 0, zoom: 1 }, highlighted: [] }).ok).toBe(false);
  });
});
