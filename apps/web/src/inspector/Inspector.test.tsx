import { emptyDocument } from '@stackdraft/patterns';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { editorStore } from '../store/editor-store';
import { Inspector } from './Inspector';

beforeEach(() => {
  editorStore.getState().replaceDocument({
    ...emptyDocument('Orders'),
    nodes: [
      { id: 'orders', kind: 'queue', label: 'Orders', position: { x: 0, y: 0 } },
      { id: 'api', kind: 'container-service', label: 'API', position: { x: 0, y: 200 } },
      { id: 'db', kind: 'sql-database', label: 'DB', position: { x: 300, y: 200 } },
    ],
    edges: [{ id: 'e1', source: 'api', target: 'db', kind: 'sync' }],
  });
});
afterEach(cleanup);

const inspector = () => within(screen.getByRole('complementary', { name: 'Inspector' }));

describe('Inspector', () => {
  it("shows the design's settings when nothing is selected and edits them as one step each", () => {
    render(<Inspector />);
    const name = inspector().getByLabelText('Name');
    fireEvent.change(name, { target: { value: 'Checkout' } });
    fireEvent.blur(name);
    expect(editorStore.getState().doc.name).toBe('Checkout');
    fireEvent.change(inspector().getByLabelText('Environment'), { target: { value: 'staging' } });
    expect(editorStore.getState().doc.environment).toBe('staging');
    expect(editorStore.getState().history.past.map((h) => h.label)).toEqual([
      'Rename design',
      'Change environment',
    ]);
  });

  it('generates the form from the kind schema, with units, defaults and enums as selects', () => {
    editorStore.getState().select({ nodes: ['db'], edges: [] });
    render(<Inspector />);
    const storage = inspector().getByLabelText(/^Storage in GB$/);
    expect(storage.getAttribute('placeholder')).toMatch(/^default \d+/);

    const engine = inspector().getByLabelText(/^Engine/) as HTMLSelectElement;
    expect(engine.tagName).toBe('SELECT');
    expect([...engine.options].map((o) => o.value)).toEqual(['postgres', 'mysql']);
    fireEvent.change(engine, { target: { value: 'mysql' } });
    expect(editorStore.getState().doc.nodes[2]?.config).toEqual({ engine: 'mysql' });
  });

  it('shows the schema message for an invalid value and does not commit it', () => {
    editorStore.getState().select({ nodes: ['orders'], edges: [] });
    render(<Inspector />);
    const field = inspector().getByLabelText(/^Max receive count/);
    fireEvent.change(field, { target: { value: '0' } });
    fireEvent.blur(field);
    expect(inspector().getByText('must be at least 1')).toBeTruthy();
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(editorStore.getState().doc.nodes[0]?.config).toBeUndefined();
    fireEvent.change(field, { target: { value: '3' } });
    fireEvent.keyDown(field, { key: 'Enter' });
    expect(editorStore.getState().doc.nodes[0]?.config).toEqual({ maxReceiveCount: 3 });
    editorStore.getState().undo();
    expect(editorStore.getState().doc.nodes[0]?.config).toBeUndefined();
  });

  it('offers timeout, retry and circuit breaker on a sync edge', () => {
    editorStore.getState().select({ nodes: [], edges: ['e1'] });
    render(<Inspector />);
    const timeout = inspector().getByLabelText(/^Timeout/);
    fireEvent.change(timeout, { target: { value: '2000' } });
    fireEvent.blur(timeout);
    const attempts = inspector().getByLabelText('Retry: max attempts');
    fireEvent.change(attempts, { target: { value: '3' } });
    fireEvent.blur(attempts);
    fireEvent.click(inspector().getByLabelText('Retry with jitter'));
    expect(inspector().getByLabelText('Circuit breaker: failures to open')).toBeTruthy();
    expect(editorStore.getState().doc.edges[0]?.config).toEqual({
      timeoutMs: 2000,
      retry: { maxAttempts: 3, jitter: true },
    });
  });

  it('summarises a multiple selection', () => {
    editorStore.getState().select({ nodes: ['orders', 'api'], edges: ['e1'] });
    render(<Inspector />);
    expect(inspector().getByRole('heading', { name: '2 nodes and 1 connection selected' })).toBeTruthy();
  });
});
