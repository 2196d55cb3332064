import { describe, expect, it } from 'vitest';
import { emptyDocument, insertTemplate, loadDocument, TEMPLATES, validate } from '../index';

const load = (doc: unknown) => {
  const r = loadDocument(doc);
  if (!r.ok) throw new Error(JSON.stringify(r.errors.slice(0, 3)));
  return r.document;
};

describe('templates and the design rules', () => {
  it.each(TEMPLATES.map((t) => [t.id] as const))('%s validates with no error-level finding', (id) => {
    const doc = load(insertTemplate(emptyDocument(id), id).document);
    const errors = validate(doc).findings.filter((f) => f.severity === 'error');
    expect(errors).toEqual([]);
  });

  it('all templates inserted into one design still have no error-level finding', () => {
    let doc = emptyDocument('Everything');
    TEMPLATES.forEach((t, i) => {
      doc = insertTemplate(doc, t.id, { at: { x: 0, y: i * 2000 } }).document;
    });
    const { findings } = validate(load(doc));
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});
