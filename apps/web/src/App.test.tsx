import { KINDS, TEMPLATES } from '@stackdraft/patterns';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from './App';

describe('App', () => {
  it('lists every kind under its category and every template', () => {
    render(<App />);
    for (const k of KINDS) expect(screen.getAllByText(k.label, { exact: true }).length).toBeGreaterThan(0);
    for (const t of TEMPLATES) expect(screen.getByText(t.name, { exact: true })).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Messaging and workflow' })).toBeTruthy();
  });
});
