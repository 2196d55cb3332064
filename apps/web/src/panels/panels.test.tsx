import { emptyDocument, KINDS, TEMPLATES } from '@stackdraft/patterns';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { analysisStore, inlineAnalyzer, publish } from '../analysis/analysis-store';
import { editorStore } from '../store/editor-store';
import { BottomPanels } from './BottomPanels';
import { Palette } from './Palette';

beforeEach(() => {
  editorStore.getState().replaceDocument(emptyDocument());
  analysisStore.setState({ doc: null, findings: [], score: null, cost: null, error: null });
});
afterEach(cleanup);

describe('Palette', () => {
  it('names every kind "Add <Label>" and every template "Insert <name>"', () => {
    render(<Palette />);
    const palette = within(screen.getByRole('complementary', { name: 'Palette' }));
    for (const k of KINDS) expect(palette.getByRole('button', { name: `Add ${k.label}` })).toBeTruthy();
    for (const t of TEMPLATES) expect(palette.getByRole('button', { name: `Insert ${t.name}` })).toBeTruthy();
  });

  it('adds the kind and selects it when activated', () => {
    render(<Palette />);
    fireEvent.click(screen.getByRole('button', { name: 'Add Queue' }));
    const s = editorStore.getState();
    expect(s.doc.nodes.map((n) => n.kind)).toEqual(['queue']);
    expect(s.selection.nodes).toEqual([s.doc.nodes[0]?.id]);
  });

  it('filters by search, also by AWS service name', () => {
    render(<Palette />);
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: 'sqs' } });
    expect(screen.getByRole('button', { name: 'Add Queue' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Add Function' })).toBeNull();
  });
});

describe('Problems, Cost and Review score', () => {
  async function analyseNow() {
    const { doc } = editorStore.getState();
    publish(doc, await inlineAnalyzer(doc));
  }

  it('lists a finding with its rule, applies its fix as one undo step, and the cost changes', async () => {
    editorStore.getState().replaceDocument({
      ...emptyDocument(),
      nodes: [
        // A stated volume: with the default one a dead-letter queue costs under a cent.
        {
          id: 'q',
          kind: 'queue',
          label: 'Orders',
          position: { x: 0, y: 0 },
          config: { requestsPerMonth: 100_000_000 },
        },
        { id: 'f', kind: 'function', label: 'Worker', position: { x: 300, y: 0 } },
      ],
      edges: [{ id: 'e', source: 'q', target: 'f', kind: 'trigger' }],
    });
    await analyseNow();
    render(<BottomPanels />);
    const problems = within(screen.getByRole('region', { name: 'Problems' }));
    expect(problems.getByText('queue-without-dlq')).toBeTruthy();
    const total = () =>
      within(screen.getByRole('region', { name: 'Cost' })).getByTestId('cost-total').textContent;
    const before = total();
    expect(before).toMatch(/^\$[\d,]+\.\d\d \/ month$/);
    fireEvent.click(problems.getByRole('button', { name: /Add a dead-letter queue/ }));
    await waitFor(() =>
      expect(editorStore.getState().doc.nodes.some((n) => n.kind === 'dead-letter-queue')).toBe(true),
    );
    await analyseNow();
    await waitFor(() => expect(problems.queryByText('queue-without-dlq')).toBeNull());
    expect(total()).not.toBe(before);
    expect(editorStore.getState().history.past).toHaveLength(1);
  });

  it('shows the six pillars', async () => {
    await analyseNow();
    render(<BottomPanels />);
    const review = within(screen.getByRole('region', { name: 'Review score' }));
    for (const p of [
      'Operational excellence',
      'Security',
      'Reliability',
      'Performance efficiency',
      'Cost optimization',
      'Sustainability',
    ])
      expect(review.getByText(p)).toBeTruthy();
  });
});
