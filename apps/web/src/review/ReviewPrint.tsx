import { type AnalysisState, useAnalysis } from '../analysis/analysis-store';
import { type EditorState, useEditor } from '../store/editor-store';
import { formatMoney, formatMonthly } from '../ui/format';

const selectDoc = (s: EditorState) => s.doc;
const selectAll = (s: AnalysisState) => s;

/**
 * The printable review (Print review -> the browser's print or Save as PDF): the design's name and
 * date, the review score by pillar, the monthly cost by category, the open findings and the
 * accepted ones with their reasons, and the saved views. Drawn only on paper; React escapes every
 * label, so user text is text.
 */
export function ReviewPrint() {
  const doc = useEditor(selectDoc);
  const { score, cost, findings } = useAnalysis(selectAll);
  const labels = new Map(doc.nodes.map((n) => [n.id, n.label || n.id]));
  const open = findings.filter((f) => !f.suppressed);
  const accepted = findings.filter((f) => f.suppressed);
  return (
    <article className="sd-print" aria-hidden="true">
      <h1>{doc.name}</h1>
      <p>
        Architecture review · {doc.environment ?? 'production'} · {doc.region} · printed{' '}
        {new Date().toLocaleDateString(undefined, { dateStyle: 'long' })}
      </p>
      {score && (
        <section>
          <h2>Review score: {Math.round(score.overall)} / 100</h2>
          <table>
            <tbody>
              {score.pillars.map((p) => (
                <tr key={p.pillar}>
                  <td>{p.label}</td>
                  <td>{p.score}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      {cost && (
        <section>
          <h2>Estimated cost: {formatMonthly(cost.monthlyTotal)}</h2>
          <table>
            <tbody>
              {cost.breakdown.byCategory.map((c) => (
                <tr key={c.category}>
                  <td>{c.label}</td>
                  <td>{formatMoney(c.monthly)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      <section>
        <h2>Open findings ({open.length})</h2>
        {open.length === 0 ? (
          <p>None.</p>
        ) : (
          <ul>
            {open.map((f) => (
              <li key={f.key}>
                <strong>
                  {f.severity} · {f.rule}
                </strong>
                {f.nodeIds.length > 0 && ` (${f.nodeIds.map((id) => labels.get(id) ?? id).join(', ')})`}:{' '}
                {f.message}
              </li>
            ))}
          </ul>
        )}
      </section>
      {accepted.length > 0 && (
        <section>
          <h2>Accepted findings ({accepted.length})</h2>
          <ul>
            {accepted.map((f) => (
              <li key={f.key}>
                <strong>{f.rule}</strong>: {f.message} — accepted because {f.suppressed?.reason}
              </li>
            ))}
          </ul>
        </section>
      )}
      {(doc.views?.length ?? 0) > 0 && (
        <section>
          <h2>Saved views</h2>
          <ol>
            {doc.views?.map((v, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: views have no ids; order is identity.
              <li key={i}>
                {v.name}
                {v.description ? ` — ${v.description}` : ''}
              </li>
            ))}
          </ol>
        </section>
      )}
    </article>
  );
}
