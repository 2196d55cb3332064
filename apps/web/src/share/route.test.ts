import { describe, expect, it } from 'vitest';
import { editLink, parseRoute, viewLink } from './route';

const ID = 'e_wQj6pX8ezOX1ZJxUROBg';
const TOKEN = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJ-_01234';

describe('parseRoute', () => {
  it('reads the editor route', () => {
    expect(parseRoute('/', '')).toEqual({ kind: 'editor' });
    expect(parseRoute('/index.html', '#edit=x')).toEqual({ kind: 'editor' });
  });

  it('reads a view link', () => {
    expect(parseRoute(`/d/${ID}`, '')).toEqual({ kind: 'shared', id: ID });
    expect(parseRoute(`/d/${ID}/`, '')).toEqual({ kind: 'shared', id: ID });
  });

  it('reads the edit token from the fragment', () => {
    expect(parseRoute(`/d/${ID}`, `#edit=${TOKEN}`)).toEqual({ kind: 'shared', id: ID, editToken: TOKEN });
  });

  it('reports a cut-off edit token instead of quietly opening view only', () => {
    const r = parseRoute(`/d/${ID}`, `#edit=${TOKEN.slice(0, 20)}`);
    expect(r.kind).toBe('bad-link');
    expect(r.kind === 'bad-link' && r.reason).toMatch(/#edit=/);
  });

  it('reports a mistyped id', () => {
    expect(parseRoute('/d/short', '').kind).toBe('bad-link');
    expect(parseRoute(`/d/${ID}x`, '').kind).toBe('bad-link');
  });

  it('round-trips the links it builds', () => {
    const origin = 'https://stackdraft.example';
    const edit = new URL(editLink(origin, ID, TOKEN));
    expect(parseRoute(edit.pathname, edit.hash)).toEqual({ kind: 'shared', id: ID, editToken: TOKEN });
    const view = new URL(viewLink(origin, ID));
    expect(parseRoute(view.pathname, view.hash)).toEqual({ kind: 'shared', id: ID });
  });
});
